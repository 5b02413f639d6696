package org.misf.core;

import java.util.ArrayList;
import java.util.List;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.ARGBType;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;

/**
 * Inpaints an image in place through windows around its holes: scan the mask, plan windows
 * ({@link WindowPlanner}), run them through the network in batches, and only then write the hole pixels.
 * If anything fails or the user cancels before the writing starts, the image is untouched.
 */
public final class WindowedInpainting {

	private WindowedInpainting() {}

	/**
	 * Inpaints {@code image} ((x, y) or (x, y, c) with 1 or 3 channels) where {@code mask} ((x, y), or
	 * (x, y, 1); non-zero = hole) is set. {@code rangeMin}/{@code rangeMax}: explicit intensity range or NaN
	 * for automatic ({@link IntensityMapping}).
	 */
	public static <T extends RealType<T>, M extends RealType<M>> InpaintingReport inpaint(
		final RandomAccessibleInterval<T> image, final RandomAccessibleInterval<M> mask, final PlanSettings settings,
		final double rangeMin, final double rangeMax, final InpaintingNetwork network, final ProgressListener progress)
	{
		return run(ChannelPlanes.of(image), mask, settings, rangeMin, rangeMax, network, progress);
	}

	/** The same for packed ARGB: red, green and blue are 8-bit channels mapped by /255; alpha is kept. */
	public static <M extends RealType<M>> InpaintingReport inpaintARGB(final RandomAccessibleInterval<ARGBType> image,
		final RandomAccessibleInterval<M> mask, final PlanSettings settings, final double rangeMin,
		final double rangeMax, final InpaintingNetwork network, final ProgressListener progress)
	{
		return run(ChannelPlanes.ofARGB(image), mask, settings, rangeMin, rangeMax, network, progress);
	}

	private static <T extends RealType<T>, M extends RealType<M>> InpaintingReport run(final ChannelPlanes<T> planes,
		final RandomAccessibleInterval<M> mask, final PlanSettings s, final double rangeMin, final double rangeMax,
		final InpaintingNetwork network, final ProgressListener progress)
	{
		final RandomAccessibleInterval<M> mask2d = mask2d(mask, planes.width(), planes.height());
		if (HoleRule.mayHoldNaN(planes.type())) return runWithHoles(planes, HoleRule.withNaN(planes, mask2d), s, rangeMin,
			rangeMax, network, progress);
		return runWithHoles(planes, mask2d, s, rangeMin, rangeMax, network, progress);
	}

	/** {@code holes}: 2D, min at 0, the image's size; non-zero = hole ({@link HoleRule}). */
	private static <T extends RealType<T>, M extends RealType<M>> InpaintingReport runWithHoles(
		final ChannelPlanes<T> planes, final RandomAccessibleInterval<M> mask2d, final PlanSettings s,
		final double rangeMin, final double rangeMax, final InpaintingNetwork network, final ProgressListener progress)
	{
		final long width = planes.width(), height = planes.height();
		checkCancelled(progress);
		final List<HoleRegion> holes = HoleScanner.scan(mask2d);
		if (holes.isEmpty()) return new InpaintingReport(0, 0, 0, 0, null, 0);
		long holePixels = 0;
		for (final HoleRegion h : holes)
			holePixels += h.pixels();
		if (holePixels == width * height)
			throw new BadInputException("The mask covers the whole image, so there is nothing to inpaint from.");
		final List<Window> planned = WindowPlanner.plan(width, height, holes, s);
		final WindowTensors<T, M> tensors = new WindowTensors<>(planes, new DilatedMask<>(mask2d, s.dilation()));
		// the two stages: fills and coarse fills of huge holes, then the refine tiles that need the coarse fills
		final List<Window> first = new ArrayList<>(), second = new ArrayList<>();
		for (final Window w : planned) {
			if (w.role() != Window.Role.REFINE) first.add(w);
			else if (tensors.hasHoles(w)) second.add(w);
		}
		final List<Window> writers = new ArrayList<>();
		for (final Window w : first)
			if (w.role() == Window.Role.FILL) writers.add(w);
		writers.addAll(second);
		final Ownership owners = new Ownership(writers);
		IntensityMapping map = IntensityMapping.choose(planes.type(), rangeMin, rangeMax);
		if (map == null) {
			final double[] range = tensors.knownRange(planned);
			map = IntensityMapping.fromKnownRange(range[0], range[1]);
		}

		// run all windows first, keeping only the values each will write; write nothing until all succeeded
		final Run run = new Run(first.size() + second.size(), writers.size(), progress);
		run.stage(first, s, width, height, tensors, map, network, owners);
		run.stage(second, s, width, height, tensors, map, network, owners);
		checkCancelled(progress);
		long written = 0;
		for (int i = 0; i < writers.size(); i++) {
			written += tensors.write(writers.get(i), run.values[i], owners, i, map);
			run.values[i] = null;
		}
		return new InpaintingReport(written, run.done, run.scaled, run.largest, map, holes.size());
	}

	/** The network runs of one inpainting: the values to write per writing window, coarse fills, progress. */
	private static final class Run {

		final float[][] values;
		final List<WindowOutput> coarse = new ArrayList<>();
		final int total;
		final ProgressListener progress;
		final java.util.Map<Window, Integer> writerIndex = new java.util.IdentityHashMap<>();
		int done, scaled, nextWriter;
		long largest;

		Run(final int total, final int writers, final ProgressListener progress) {
			this.values = new float[writers][];
			this.total = total;
			this.progress = progress;
			progress.progress(0, total, "");
		}

		<T extends RealType<T>, M extends RealType<M>> void stage(final List<Window> windows, final PlanSettings s,
			final long width, final long height, final WindowTensors<T, M> tensors, final IntensityMapping map,
			final InpaintingNetwork network, final Ownership owners)
		{
			for (final Window w : windows)
				if (w.role() != Window.Role.COARSE) writerIndex.put(w, nextWriter++);
			for (final List<Integer> indices : WindowPlanner.batchIndices(windows, s.batchSize())) {
				checkCancelled(progress);
				final List<Window> batch = WindowPlanner.batch(windows, indices, width, height);
				final int W = batch.get(0).netWidth(), H = batch.get(0).netHeight();
				final float[] in = new float[batch.size() * 3 * W * H];
				final float[] m = new float[batch.size() * W * H];
				final List<float[]> depths = new ArrayList<>(batch.size());
				for (final Window w : batch)
					depths.add(w.role() == Window.Role.REFINE ? tensors.depth(w) : null);
				if (tensors.fill(batch, map, coarse, depths, in, m) >= 0)
					throw new BadInputException("The holes (after dilation by " + s.dilation() +
						" px) fill a whole window, so there is no known context to inpaint from.");
				final float[] out = network.run(in, m, batch.size(), H, W);
				if (out.length != in.length) throw new IllegalStateException("The network returned " + out.length +
					" values instead of " + in.length + ".");
				for (int b = 0; b < batch.size(); b++) {
					final Window planned = windows.get(indices.get(b));
					final WindowOutput raw = new WindowOutput(batch.get(b), out, m, b);
					final WindowOutput o = planned.role() == Window.Role.REFINE ? DetailTransfer.onto(raw, coarse, depths.get(
						b)) : raw;
					if (planned.role() == Window.Role.COARSE) {
						coarse.add(o);
						scaled++;
					}
					else {
						final int i = writerIndex.get(planned);
						values[i] = tensors.extract(o, owners, i);
						if (planned.scale() > 1) scaled++;
					}
				}
				done += batch.size();
				largest = Math.max(largest, (long) W * H);
				progress.progress(done, total, "");
			}
		}
	}

	private static <M extends RealType<M>> RandomAccessibleInterval<M> mask2d(final RandomAccessibleInterval<M> mask,
		final long width, final long height)
	{
		RandomAccessibleInterval<M> m = Views.zeroMin(mask);
		if (m.numDimensions() == 3 && m.dimension(2) == 1) m = Views.hyperSlice(m, 2, 0);
		if (m.numDimensions() != 2 || m.dimension(0) != width || m.dimension(1) != height)
			throw new BadInputException("The mask is " + ChannelPlanes.describe(m) + " but the image is " + width + "x" +
				height + ".");
		return m;
	}

	private static void checkCancelled(final ProgressListener progress) {
		if (progress.isCancelled()) throw new CancelledException();
	}
}
