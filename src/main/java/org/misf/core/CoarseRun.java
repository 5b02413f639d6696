package org.misf.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;

/**
 * The first work of an image planned in blocks ({@link BlockPlan}): the coarse fills of its huge holes, which the
 * refine tiles of every block read. Run once per image, before any block, with the network between the steps
 * ({@link NetworkSteps}).
 */
public final class CoarseRun extends WindowSteps {

	private final BlockPlan plan;
	private final List<WindowOutput> made;

	private CoarseRun(final BlockPlan plan, final List<WindowOutput> made, final WindowTensors<?, ?> tensors,
		final IntensityMapping map, final ProgressListener progress)
	{
		super(new WindowRun(tensors, plan, map, made, Collections.singletonList(plan.coarse()), progress));
		this.plan = plan;
		this.made = made;
	}

	/**
	 * Starts the coarse fills of {@code plan}'s image: {@code planes} and {@code mask} (2D, non-zero = hole) of
	 * the plan's size, {@code map} its intensity mapping.
	 */
	public static <T extends RealType<T>, M extends RealType<M>> CoarseRun start(final BlockPlan plan,
		final ChannelPlanes<T> planes, final RandomAccessibleInterval<M> mask, final IntensityMapping map,
		final ProgressListener progress)
	{
		return new CoarseRun(plan, new ArrayList<>(), BlockRun.tensors(plan, planes, mask), map, progress);
	}

	/** The coarse fills, in the order every block must see them. */
	public List<CoarseFill> finish() {
		if (!run.finished()) throw new IllegalStateException("batches are left to run");
		final List<CoarseFill> out = new ArrayList<>(made.size());
		for (int i = 0; i < made.size(); i++)
			out.add(CoarseFill.of(plan.coarse().indexOf(run.coarseMade().get(i)), made.get(i)));
		return out;
	}
}
