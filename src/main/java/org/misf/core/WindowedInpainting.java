package org.misf.core;

import java.util.ArrayList;
import java.util.List;

import net.imglib2.FinalInterval;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.ARGBType;
import net.imglib2.type.numeric.RealType;
import net.imglib2.util.Intervals;
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
		final long width = planes.width(), height = planes.height();
		final RandomAccessibleInterval<M> mask2d = mask2d(mask, width, height);
		checkCancelled(progress);
		final List<HoleRegion> holes = HoleScanner.scan(mask2d);
		if (holes.isEmpty()) return new InpaintingReport(0, 0, 0, 0, null);
		long holePixels = 0;
		for (final HoleRegion h : holes)
			holePixels += h.pixels();
		if (holePixels == width * height)
			throw new BadInputException("The mask covers the whole image, so there is nothing to inpaint from.");
		final List<Window> windows = WindowPlanner.plan(width, height, holes, s);
		final List<List<Window>> batches = WindowPlanner.batches(windows, s.batchSize(), width, height);
		final WindowTensors<T, M> tensors = new WindowTensors<>(planes, new DilatedMask<>(mask2d, s.dilation()));
		IntensityMapping map = IntensityMapping.choose(planes.type(), rangeMin, rangeMax);
		if (map == null) {
			final double[] range = tensors.knownRange(windows);
			map = IntensityMapping.fromKnownRange(range[0], range[1]);
		}

		// run all windows first; write nothing until all succeeded
		final List<Window> done = new ArrayList<>(windows.size());
		final List<float[]> outputs = new ArrayList<>(windows.size());
		final List<float[]> masks = new ArrayList<>(windows.size());
		final List<Integer> offsets = new ArrayList<>(windows.size());
		long largest = 0;
		int scaled = 0;
		progress.progress(0, windows.size(), "");
		for (final List<Window> batch : batches) {
			checkCancelled(progress);
			final int W = batch.get(0).netWidth(), H = batch.get(0).netHeight();
			final float[] in = new float[batch.size() * 3 * W * H];
			final float[] m = new float[batch.size() * W * H];
			if (tensors.fill(batch, map, in, m) >= 0)
				throw new BadInputException("The holes (after dilation by " + s.dilation() +
					" px) fill a whole window, so there is no known context to inpaint from.");
			final float[] out = network.run(in, m, batch.size(), H, W);
			if (out.length != in.length)
				throw new IllegalStateException("The network returned " + out.length + " values instead of " + in.length +
					".");
			for (int b = 0; b < batch.size(); b++) {
				done.add(batch.get(b));
				outputs.add(out);
				masks.add(m);
				offsets.add(b * W * H);
				if (batch.get(b).scale() > 1) scaled++;
			}
			largest = Math.max(largest, (long) W * H);
			progress.progress(done.size(), windows.size(), "");
		}
		checkCancelled(progress);

		// write the hole pixels; a pixel in the cores of several windows is written by the first of them
		long written = 0;
		for (int i = 0; i < done.size(); i++) {
			final Window w = done.get(i);
			final List<FinalInterval> earlier = new ArrayList<>();
			for (int j = 0; j < i; j++)
				if (!Intervals.isEmpty(Intervals.intersect(done.get(j).core(), w.core()))) earlier.add(done.get(j).core());
			written += tensors.paste(w, outputs.get(i), 3 * offsets.get(i), masks.get(i), offsets.get(i), map, earlier);
			outputs.set(i, null);
			masks.set(i, null);
		}
		return new InpaintingReport(written, windows.size(), scaled, largest, map);
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
