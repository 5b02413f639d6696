package org.misf.batch;

import java.util.List;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedShortType;

import org.misf.core.BlockPlan;
import org.misf.core.BlockRun;
import org.misf.core.ChannelPlanes;
import org.misf.core.CoarseFill;
import org.misf.core.IntensityMapping;
import org.misf.core.ProgressListener;

/**
 * One block of a wall: the unit a runner executes on its own, in any order, in any process that can read the
 * wall (this batch's {@link WallRun} does them one after another; a cluster's executors could do them side by side).
 * In: the wall's plan and the block's index, its image and mask (read only where the block's windows read), its
 * coarse fills, its intensity mapping, the network. Out: the block's hole pixels ({@link BlockPatch}), kept under
 * {@link #fileName} in a work folder, whole or not at all.
 */
final class WallBlock {

	private WallBlock() {}

	/** The name of block {@code b}'s patch in a work folder. */
	static String fileName(final int b) {
		return "block-" + b + ".patch";
	}

	/** Runs block {@code b}'s windows through {@code net} and returns the hole pixels they own, as samples of {@code bits}. */
	@SuppressWarnings({ "rawtypes", "unchecked" })
	static BlockPatch compute(final BlockPlan plan, final int b, final ChannelPlanes<?> planes,
		final RandomAccessibleInterval<UnsignedByteType> mask, final List<CoarseFill> coarse, final IntensityMapping map,
		final int bits, final WallNetwork net, final ProgressListener progress)
	{
		final BlockRun run = BlockRun.start(plan, b, (ChannelPlanes) planes, mask, coarse, map, progress);
		net.run(run);
		final BlockPatch.Builder patch = new BlockPatch.Builder(planes.count(), Math.max(8, bits));
		patch.windows = run.windows();
		final RealType<?> scratch = bits == 16 ? new UnsignedShortType() : new UnsignedByteType();
		final int[] sample = new int[planes.count()];
		run.finish((x, y, u) -> {
			for (int c = 0; c < sample.length; c++) {
				map.write(u[c], (RealType) scratch);
				sample[c] = (int) scratch.getRealDouble();
			}
			patch.add(x, y, sample);
		});
		return patch.build();
	}
}
