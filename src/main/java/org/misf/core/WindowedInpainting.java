package org.misf.core;

import java.util.ArrayList;
import java.util.List;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;

/**
 * Inpaints an image in place through windows around its holes: scan the mask, plan windows
 * ({@link WindowPlanner}, grouped in blocks by {@link BlockPlan}), hand them out in batches for the network, and
 * only then write the hole pixels. If anything fails or the job is cancelled before the writing starts, the image
 * is untouched.
 * <p>
 * The caller runs the network between the steps ({@link NetworkSteps}), so {@code core} never calls up into the
 * layer that holds it:
 * <pre>
 * WindowedInpainting&lt;T&gt; run = WindowedInpainting.start(planes, mask, sizes, job);
 * while (run.hasNextBatch()) run.accept(network(run.nextBatch()));
 * InpaintingReport report = run.finish();
 * </pre>
 * The coarse fills of huge holes first, then block after block its fills and refine tiles, exactly as a wall
 * streamed block by block runs them ({@link CoarseRun}, {@link BlockRun}), so both give the same pixels. The
 * job's listener hears the windows done and is asked before every batch and before the writing whether to stop.
 */
public final class WindowedInpainting<T extends RealType<T>> implements NetworkSteps {

	private final long started = System.currentTimeMillis();
	private final ProgressListener progress;
	private final WindowTensors<T, ?> tensors;
	private final BlockPlan plan;
	private final WindowRun run;
	private final IntensityMapping map;

	private <M extends RealType<M>> WindowedInpainting(final ChannelPlanes<T> planes,
		final RandomAccessibleInterval<M> mask, final PlanSettings s, final InpaintJob job)
	{
		this.progress = job.progress();
		final long width = planes.width(), height = planes.height();
		checkCancelled();
		final List<HoleRegion> holes = HoleScanner.scan(mask);
		long holePixels = 0;
		for (final HoleRegion h : holes)
			holePixels += h.pixels();
		if (!holes.isEmpty() && holePixels == width * height)
			throw new BadInputException("The mask covers the whole image, so there is nothing to inpaint from.");
		plan = BlockPlan.of(width, height, holes, s);
		tensors = new WindowTensors<>(planes, new DilatedMask<>(mask, s.dilation()));
		if (holes.isEmpty()) map = null;
		else {
			final IntensityMapping chosen = IntensityMapping.choose(planes.type(), job.range());
			if (chosen != null) map = chosen;
			else {
				final List<Window> all = new ArrayList<>(plan.writers());
				all.addAll(plan.coarse());
				final double[] range = tensors.knownRange(all);
				map = IntensityMapping.fromKnownRange(range[0], range[1]);
			}
		}
		final List<List<Window>> stages = new ArrayList<>();
		stages.add(plan.coarse());
		for (int b = 0; b < plan.blocks(); b++)
			if (plan.hasWork(b)) stages.addAll(BlockRun.stages(plan, b, tensors));
		run = new WindowRun(tensors, plan, map, new ArrayList<>(), stages, progress);
		if (map != null) progress.progress(0, run.total(), "");
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
		run.runWith(net);
		return run.finish();
	}

	/**
	 * Whether a batch is left to run; first asks the job's listener whether to stop ({@link CancelledException},
	 * the image untouched).
	 */
	@Override
	public boolean hasNextBatch() { return run.hasNextBatch(); }

	/** The next batch's input; {@link #accept} takes the network's output for it. */
	@Override
	public NetworkBatch nextBatch() { return run.nextBatch(); }

	/** The network's output for the batch last handed out ({@code batch x 3 x height x width}). */
	@Override
	public void accept(final float[] out) { run.accept(out); }

	/** Writes every hole pixel, once all batches are done; last chance to stop with the image untouched. */
	public InpaintingReport finish() {
		if (!run.finished()) throw new IllegalStateException("batches are left to run");
		if (map == null) return new InpaintingReport(0, 0, 0, 0, null, 0, System.currentTimeMillis() - started);
		checkCancelled();
		long written = 0;
		for (int i = 0; i < plan.writers().size(); i++) {
			final float[] values = run.values(i);
			if (values != null) written += tensors.write(plan.writers().get(i), values, plan.owners(), i, map);
		}
		return new InpaintingReport(written, run.done(), run.scaled(), run.largest(), map, plan.holes().size(), System
			.currentTimeMillis() - started);
	}

	static <M extends RealType<M>> RandomAccessibleInterval<M> mask2d(final RandomAccessibleInterval<M> mask,
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
