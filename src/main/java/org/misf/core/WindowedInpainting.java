package org.misf.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;

/**
 * Inpaints an image in place through windows around its holes: scan the mask, plan windows
 * ({@link WindowPlanner}), hand them out in batches for the network, and only then write the hole pixels. If
 * anything fails or the job is cancelled before the writing starts, the image is untouched.
 * <p>
 * The caller runs the network between the steps, so {@code core} never calls up into the layer that holds it:
 * <pre>
 * WindowedInpainting&lt;T&gt; run = WindowedInpainting.start(planes, mask, sizes, job);
 * while (run.hasNextBatch()) run.accept(network(run.nextBatch()));
 * InpaintingReport report = run.finish();
 * </pre>
 * Two stages: fills and the coarse fills of huge holes, then the refine tiles that need the coarse fills. The job's
 * listener hears the windows done and is asked before every batch and before the writing whether to stop.
 */
public final class WindowedInpainting<T extends RealType<T>> {

	private final long started = System.currentTimeMillis();
	private final PlanSettings s;
	private final ProgressListener progress;
	private final long width, height;
	private final WindowTensors<T, ?> tensors;
	private final List<List<Window>> stages = new ArrayList<>();
	private final List<List<List<Integer>>> stageBatches = new ArrayList<>();
	private final List<Window> writers = new ArrayList<>();
	private final Map<Window, Integer> writerIndex = new IdentityHashMap<>();
	private final List<WindowOutput> coarse = new ArrayList<>();
	private final Ownership owners;
	private final IntensityMapping map;
	private final int holeCount;
	private final float[][] values;
	private final int total;
	private int stage, nextInStage, done, scaled;
	private long largest;
	private Pending pending;

	/** The batch handed out and not yet accepted: its windows as planned and as run, and its input. */
	private static final class Pending {

		final List<Window> planned = new ArrayList<>();
		final List<Window> run;
		final List<float[]> depths = new ArrayList<>();
		NetworkBatch input;

		Pending(final List<Window> run) {
			this.run = run;
		}
	}

	private <M extends RealType<M>> WindowedInpainting(final ChannelPlanes<T> planes,
		final RandomAccessibleInterval<M> mask, final PlanSettings s, final InpaintJob job)
	{
		this.s = s;
		this.progress = job.progress();
		width = planes.width();
		height = planes.height();
		checkCancelled();
		final List<HoleRegion> holes = HoleScanner.scan(mask);
		holeCount = holes.size();
		long holePixels = 0;
		for (final HoleRegion h : holes)
			holePixels += h.pixels();
		if (!holes.isEmpty() && holePixels == width * height)
			throw new BadInputException("The mask covers the whole image, so there is nothing to inpaint from.");
		final List<Window> planned = holes.isEmpty() ? Collections.emptyList() : WindowPlanner.plan(width, height,
			holes, s);
		tensors = new WindowTensors<>(planes, new DilatedMask<>(mask, s.dilation()));
		final List<Window> first = new ArrayList<>(), second = new ArrayList<>();
		for (final Window w : planned) {
			if (w.role() != Window.Role.REFINE) first.add(w);
			else if (tensors.hasHoles(w)) second.add(w);
		}
		for (final Window w : first)
			if (w.role() == Window.Role.FILL) writers.add(w);
		writers.addAll(second);
		owners = new Ownership(writers);
		for (final List<Window> windows : List.of(first, second)) {
			stages.add(windows);
			stageBatches.add(WindowPlanner.batchIndices(windows, s.batchSize()));
			for (final Window w : windows)
				if (w.role() != Window.Role.COARSE) writerIndex.put(w, writerIndex.size());
		}
		values = new float[writers.size()][];
		total = first.size() + second.size();
		if (holes.isEmpty()) {
			map = null;
			return;
		}
		final IntensityMapping chosen = IntensityMapping.choose(planes.type(), job.range());
		if (chosen != null) map = chosen;
		else {
			final double[] range = tensors.knownRange(planned);
			map = IntensityMapping.fromKnownRange(range[0], range[1]);
		}
		progress.progress(0, total, "");
	}

	/**
	 * Starts inpainting {@code planes} where {@code mask} ((x, y), or (x, y, 1); non-zero = hole, and NaN pixels of
	 * a floating-point image, {@link HoleRule}) is set, with a network's size rules and the caller's {@code job}.
	 */
	public static <T extends RealType<T>, M extends RealType<M>> WindowedInpainting<T> start(
		final ChannelPlanes<T> planes, final RandomAccessibleInterval<M> mask, final PlanSettings network,
		final InpaintJob job)
	{
		final RandomAccessibleInterval<M> mask2d = mask2d(mask, planes.width(), planes.height());
		final PlanSettings s = network.forJob(job);
		if (HoleRule.mayHoldNaN(planes.type())) return new WindowedInpainting<>(planes, HoleRule.withNaN(planes,
			mask2d), s, job);
		return new WindowedInpainting<>(planes, mask2d, s, job);
	}

	/** The whole run with a network held as a plain function (tests, the benchmark). */
	public static <T extends RealType<T>, M extends RealType<M>> InpaintingReport inpaint(
		final ChannelPlanes<T> planes, final RandomAccessibleInterval<M> mask, final PlanSettings network,
		final InpaintJob job, final InpaintingNetwork net)
	{
		final WindowedInpainting<T> run = start(planes, mask, network, job);
		while (run.hasNextBatch())
			run.accept(net.run(run.nextBatch()));
		return run.finish();
	}

	/**
	 * Whether a batch is left to run; first asks the job's listener whether to stop ({@link CancelledException},
	 * the image untouched).
	 */
	public boolean hasNextBatch() {
		if (!batchesLeft()) return false;
		checkCancelled();
		return true;
	}

	private boolean batchesLeft() {
		while (stage < stages.size() && nextInStage == stageBatches.get(stage).size()) {
			stage++;
			nextInStage = 0;
		}
		return stage < stages.size();
	}

	/** The next batch's input; {@link #accept} takes the network's output for it. */
	public NetworkBatch nextBatch() {
		if (pending != null || !batchesLeft()) throw new IllegalStateException("no batch to hand out now");
		final List<Window> windows = stages.get(stage);
		final List<Integer> indices = stageBatches.get(stage).get(nextInStage++);
		final Pending p = new Pending(WindowPlanner.batch(windows, indices, width, height));
		final int W = p.run.get(0).netWidth(), H = p.run.get(0).netHeight();
		final float[] in = new float[p.run.size() * 3 * W * H];
		final float[] m = new float[p.run.size() * W * H];
		for (int b = 0; b < p.run.size(); b++) {
			p.planned.add(windows.get(indices.get(b)));
			p.depths.add(p.run.get(b).role() == Window.Role.REFINE ? tensors.depth(p.run.get(b)) : null);
		}
		if (tensors.fill(p.run, map, coarse, p.depths, in, m) >= 0)
			throw new BadInputException("The holes (after dilation by " + s.dilation() +
				" px) fill a whole window, so there is no known context to inpaint from.");
		p.input = new NetworkBatch(in, m, p.run.size(), H, W);
		pending = p;
		return p.input;
	}

	/** The network's output for the batch last handed out ({@code batch x 3 x height x width}). */
	public void accept(final float[] out) {
		final Pending p = pending;
		if (p == null) throw new IllegalStateException("no batch was handed out");
		final float[] in = p.input.image(), m = p.input.mask();
		if (out.length != in.length) throw new IllegalStateException("The network returned " + out.length +
			" values instead of " + in.length + ".");
		pending = null;
		for (int b = 0; b < p.run.size(); b++) {
			final Window planned = p.planned.get(b);
			final WindowOutput raw = new WindowOutput(p.run.get(b), out, m, b);
			final WindowOutput o = planned.role() == Window.Role.REFINE ? DetailTransfer.onto(raw, coarse, p.depths.get(
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
		done += p.run.size();
		largest = Math.max(largest, (long) p.input.width() * p.input.height());
		progress.progress(done, total, "");
	}

	/** Writes every hole pixel, once all batches are done; last chance to stop with the image untouched. */
	public InpaintingReport finish() {
		if (pending != null || batchesLeft()) throw new IllegalStateException("batches are left to run");
		if (map == null) return new InpaintingReport(0, 0, 0, 0, null, 0, System.currentTimeMillis() - started);
		checkCancelled();
		long written = 0;
		for (int i = 0; i < writers.size(); i++) {
			written += tensors.write(writers.get(i), values[i], owners, i, map);
			values[i] = null;
		}
		return new InpaintingReport(written, done, scaled, largest, map, holeCount, System.currentTimeMillis() -
			started);
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

	private void checkCancelled() {
		if (progress.isCancelled()) throw new CancelledException();
	}
}
