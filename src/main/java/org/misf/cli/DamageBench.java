package org.misf.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Random;

import net.imglib2.Cursor;
import net.imglib2.RandomAccess;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.integer.UnsignedByteType;

import org.misf.core.InpaintingReport;
import org.misf.core.PlanSettings;
import org.misf.core.ProgressListener;
import org.misf.core.WindowPlanner;
import org.misf.core.WindowedInpainting;
import org.misf.model.InpaintOptions;
import org.misf.model.TorchInpainter;

/**
 * The {@code bench} figures for damage spread over an image: dense spots against the time the network needs to
 * cover the whole image with tiles (measured in the same run), a few spots on the same image, and one huge hole.
 */
final class DamageBench {

	private final TorchInpainter in;
	private final PrintStream out;

	DamageBench(final TorchInpainter in, final PrintStream out) {
		this.in = in;
		this.out = out;
	}

	/**
	 * {@code spots} flaking spots (discs of 1-5 px radius) on a {@code side x side} RGB image, filled with tiles
	 * (the planner's choice); the bound is the bare network time of the tiles that cover the whole image, timed
	 * here per tile in batches of the batch size. With {@code untiled}, also the planner without tiles (one window per
	 * group of holes, as before).
	 */
	void scattered(final int side, final int spots, final boolean untiled) {
		final PlanSettings s = in.settings(InpaintOptions.DEFAULTS);
		final int tiles = WindowPlanner.wholeImageTiles(side, side, s);
		final double bound = tileBoundSeconds(tiles, s);
		final double[] tiled = run(side, spots, s, "dense");
		out.println(String.format(Locale.ROOT,
			"scattered damage %dx%d, %d spots: %.1f s with the planner (%d windows); whole-image tile bound %.1f s " +
				"(%d tiles of %d px, network only); ratio %.2f", side, side, spots, tiled[0], (int) tiled[1], bound, tiles,
			WindowPlanner.tileSide(s), tiled[0] / bound));
		if (untiled) {
			final double[] before = run(side, spots, s.withTiles(false), "dense");
			out.println(String.format(Locale.ROOT,
				"  the same without tiles (one window per group of holes): %.1f s (%d windows), %.2f x the bound",
				before[0], (int) before[1], before[0] / bound));
		}
		final double[] sparse = run(side, 5, s, "sparse");
		final double[] sparseBefore = run(side, 5, s.withTiles(false), "sparse");
		out.println(String.format(Locale.ROOT,
			"sparse damage %dx%d, 5 spots: %.2f s (%d windows); without tiles %.2f s (%d windows)", side, side,
			sparse[0], (int) sparse[1], sparseBefore[0], (int) sparseBefore[1]));
	}

	/** One square hole of {@code hole} px in a {@code side} px image: coarse fill, then refine tiles. */
	void largeHole(final int side, final int hole) {
		final ArrayImg<UnsignedByteType, ?> image = texture(side);
		final ArrayImg<UnsignedByteType, ?> mask = ArrayImgs.unsignedBytes(side, side);
		final long x0 = (side - hole) / 2;
		final RandomAccess<UnsignedByteType> m = mask.randomAccess();
		for (long y = x0; y < x0 + hole; y++)
			for (long x = x0; x < x0 + hole; x++) {
				m.setPosition(new long[] { x, y });
				m.get().set(255);
			}
		final long t0 = System.nanoTime();
		final InpaintingReport r = WindowedInpainting.inpaint(image, mask, in.settings(InpaintOptions.DEFAULTS),
			Double.NaN, Double.NaN, in, ProgressListener.NONE);
		out.println(String.format(Locale.ROOT,
			"large hole %dx%d in %dx%d: %.1f s, %d windows (%d shrunk, the rest full-resolution refine tiles)", hole,
			hole, side, side, (System.nanoTime() - t0) / 1e9, r.windows(), r.scaledWindows()));
	}

	private double[] run(final int side, final int spots, final PlanSettings s, final String what) {
		final ArrayImg<UnsignedByteType, ?> image = texture(side);
		final ArrayImg<UnsignedByteType, ?> mask = spots(side, spots, 7);
		final long t0 = System.nanoTime();
		final InpaintingReport r = WindowedInpainting.inpaint(image, mask, s, Double.NaN, Double.NaN, in,
			ProgressListener.NONE);
		return new double[] { (System.nanoTime() - t0) / 1e9, r.windows() };
	}

	private double tileBoundSeconds(final int tiles, final PlanSettings s) {
		final int side = WindowPlanner.tileSide(s), batch = s.batchSize();
		try (TorchInpainter.ForwardProbe probe = in.forwardProbe(batch, side, side)) {
			probe.runOnce();
			final long t = Math.min(probe.runOnce(), probe.runOnce());
			return (double) tiles * t / batch / 1e9;
		}
	}

	/** Discs of radius 1-5 px at random places (fixed seed). */
	static ArrayImg<UnsignedByteType, ?> spots(final int side, final int count, final long seed) {
		final ArrayImg<UnsignedByteType, ?> mask = ArrayImgs.unsignedBytes(side, side);
		final RandomAccess<UnsignedByteType> m = mask.randomAccess();
		final Random r = new Random(seed);
		for (int k = 0; k < count; k++) {
			final int cx = r.nextInt(side), cy = r.nextInt(side), rad = 1 + r.nextInt(5);
			for (int y = Math.max(0, cy - rad); y <= Math.min(side - 1, cy + rad); y++)
				for (int x = Math.max(0, cx - rad); x <= Math.min(side - 1, cx + rad); x++)
					if ((x - cx) * (x - cx) + (y - cy) * (y - cy) <= rad * rad) {
						m.setPosition(new long[] { x, y });
						m.get().set(255);
					}
		}
		return mask;
	}

	private static ArrayImg<UnsignedByteType, ?> texture(final int side) {
		final ArrayImg<UnsignedByteType, ?> img = ArrayImgs.unsignedBytes(side, side, 3);
		final Cursor<UnsignedByteType> c = img.localizingCursor();
		while (c.hasNext()) {
			c.fwd();
			final double x = c.getDoublePosition(0), y = c.getDoublePosition(1);
			c.get().set((int) (127 + 100 * Math.sin(x / 17 + c.getDoublePosition(2)) * Math.cos(y / 23)));
		}
		return img;
	}
}
