package org.misf.batch;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import net.imglib2.FinalInterval;

import org.misf.core.BlockPlan;
import org.misf.core.ProgressListener;
import org.misf.io.TiffPlanes;
import org.misf.io.TiledTiffCheck;
import org.misf.io.TiledTiffLayout;
import org.misf.io.TiledTiffWriter;

/**
 * Writes a wall's result from its input and its blocks' patches ({@link BlockPatch}, in the work folder), one row
 * of tiles at a time: the row is read from the input, every patch that reaches it is applied, and its tiles are
 * written ({@link TiledTiffWriter}). A patch is read from its file when the first row it reaches comes and dropped
 * after its last, so memory holds one row of tiles and the patches around it. Blocks without holes are copies of
 * the input. Then the file is read back and checked tile by tile ({@link TiledTiffCheck}).
 */
final class WallAssembly {

	private WallAssembly() {}

	/**
	 * Writes the result to {@code file} (which must not exist) and checks it; throws when it is not whole.
	 * {@code progress} hears rows of tiles. Returns {hole pixels written, windows the blocks ran}.
	 */
	static long[] write(final Path file, final TiffPlanes input, final BlockPlan plan, final WallWork work,
		final ProgressListener progress) throws IOException
	{
		final TiledTiffLayout layout = TiledTiffLayout.of(plan.width(), plan.height(), input.tiff().samples(), Math.max(
			8, input.tiff().bits()), input.tiff().compressed());
		final List<Integer> pending = new ArrayList<>();
		final Map<Integer, FinalInterval> reach = new HashMap<>();
		for (int b = 0; b < plan.blocks(); b++)
			if (plan.hasWork(b)) {
				pending.add(b);
				reach.put(b, plan.reach(b));
			}
		pending.sort(Comparator.comparingLong(b -> reach.get(b).min(1)));
		final Map<Integer, BlockPatch> active = new HashMap<>();
		final long[] crcs;
		final long[] done = new long[2];
		final int side = layout.tileSide();
		try (TiledTiffWriter out = new TiledTiffWriter(file, layout)) {
			for (int ty = 0; ty < layout.tilesDown(); ty++) {
				if (progress.isCancelled()) throw new org.misf.core.CancelledException();
				progress.progress(ty, layout.tilesDown(), "writing the result");
				final long y0 = (long) ty * side;
				final int rows = (int) Math.min(side, plan.height() - y0);
				while (!pending.isEmpty() && reach.get(pending.get(0)).min(1) < y0 + rows) {
					final int b = pending.remove(0);
					final BlockPatch p = readPatch(work, b);
					done[0] += p.pixels();
					done[1] += p.windows;
					active.put(b, p);
				}
				final WallBand band = new WallBand(y0, rows, plan.width(), layout.samples(), layout.bits());
				band.read(input.planes());
				for (final BlockPatch p : active.values())
					p.applyTo(band);
				active.keySet().removeIf(b -> reach.get(b).max(1) < y0 + rows);
				for (int tx = 0; tx < layout.tilesAcross(); tx++)
					out.writeTile(tx, ty, band.tile((long) tx * side, side));
			}
			out.finish();
			crcs = out.tileCrcs();
		}
		progress.progress(layout.tilesDown(), layout.tilesDown(), "checking the result");
		final String problem = TiledTiffCheck.problem(file, layout, crcs);
		if (problem != null) throw new IOException("the result written is not whole: " + problem +
			"; nothing was written under its name");
		return done;
	}

	private static BlockPatch readPatch(final WallWork work, final int b) throws IOException {
		final byte[] data = work.read(WallBlock.fileName(b));
		if (data == null) throw new IOException("the patch of block " + b + " went missing from " + work.dir() + ".");
		return BlockPatch.decode(data);
	}
}
