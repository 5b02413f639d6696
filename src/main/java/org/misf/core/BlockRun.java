package org.misf.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;

/**
 * One block of an image planned in blocks ({@link BlockPlan}): its fills, then its refine tiles (those whose
 * holes hold hole pixels), with the network between the steps ({@link NetworkSteps}), given the image's coarse
 * fills ({@link CoarseRun}). {@link #finish} hands out the hole pixels its windows own, wherever they lie (a
 * window near the block's edge writes into its neighbour too). Every block can run on its own, in any order, in
 * any process that can read the image: the result is what the whole image's run ({@link WindowedInpainting})
 * writes there.
 */
public final class BlockRun extends WindowSteps {

	private final BlockPlan plan;
	private final int block;
	private final WindowTensors<?, ?> tensors;

	private BlockRun(final BlockPlan plan, final int block, final WindowTensors<?, ?> tensors,
		final List<CoarseFill> coarse, final IntensityMapping map, final ProgressListener progress)
	{
		super(new WindowRun(tensors, plan, map, outputs(plan, coarse), stages(plan, block, tensors), progress));
		this.plan = plan;
		this.block = block;
		this.tensors = tensors;
	}

	private static List<WindowOutput> outputs(final BlockPlan plan, final List<CoarseFill> coarse) {
		final List<WindowOutput> fills = new ArrayList<>(coarse.size());
		for (final CoarseFill c : coarse)
			fills.add(c.output(plan));
		return fills;
	}

	/**
	 * Starts block {@code block} of {@code plan}'s image: {@code planes} and {@code mask} (2D, non-zero = hole) of
	 * the plan's size (read only where this block's windows read), the image's {@code coarse} fills and its
	 * intensity mapping.
	 */
	public static <T extends RealType<T>, M extends RealType<M>> BlockRun start(final BlockPlan plan, final int block,
		final ChannelPlanes<T> planes, final RandomAccessibleInterval<M> mask, final List<CoarseFill> coarse,
		final IntensityMapping map, final ProgressListener progress)
	{
		return new BlockRun(plan, block, tensors(plan, planes, mask), coarse, map, progress);
	}

	/** Block {@code b}'s two stages: its fills, then its refine tiles that have holes to fill. */
	static List<List<Window>> stages(final BlockPlan plan, final int b, final WindowTensors<?, ?> tensors) {
		final List<Window> fills = new ArrayList<>(), refines = new ArrayList<>();
		for (final int i : plan.fills(b))
			fills.add(plan.writers().get(i));
		for (final int i : plan.refines(b))
			if (tensors.hasHoles(plan.writers().get(i))) refines.add(plan.writers().get(i));
		return Arrays.asList(fills, refines);
	}

	static <T extends RealType<T>, M extends RealType<M>> WindowTensors<T, M> tensors(final BlockPlan plan,
		final ChannelPlanes<T> planes, final RandomAccessibleInterval<M> mask)
	{
		if (planes.width() != plan.width() || planes.height() != plan.height()) throw new BadInputException(
			"The image is " + planes.width() + "x" + planes.height() + " but its plan is for " + plan.width() + "x" + plan
				.height() + ".");
		final RandomAccessibleInterval<M> m = WindowedInpainting.mask2d(mask, plan.width(), plan.height());
		return new WindowTensors<>(planes, new DilatedMask<>(m, plan.settings().dilation()));
	}

	/** Windows this block runs. */
	public int windows() { return run.total(); }

	/** Hands every hole pixel this block's windows own to {@code sink}, window by window; returns how many. */
	public long finish(final HoleSink sink) {
		if (!run.finished()) throw new IllegalStateException("batches are left to run");
		long n = 0;
		for (final List<Integer> indices : Arrays.asList(plan.fills(block), plan.refines(block)))
			for (final int i : indices) {
				final float[] v = run.values(i);
				if (v != null) n += tensors.emit(plan.writers().get(i), v, plan.owners(), i, sink);
			}
		return n;
	}
}
