package org.misf.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Random;

import net.imglib2.RandomAccess;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.integer.UnsignedByteType;

import org.misf.core.ChannelPlanes;
import org.misf.core.HoleScanner;
import org.misf.core.InpaintJob;
import org.misf.core.InpaintingReport;
import org.misf.core.PlanSettings;
import org.misf.core.WindowPlanner;
import org.misf.core.WindowedInpainting;
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
	 * here per tile (one per call or in batches, the faster). With {@code untiled}, also the planner without tiles
	 * (one window per group of holes, as before).
	 */
	void scattered(final int side, final int spots, final boolean untiled) {
		final PlanSettings s = in.planSettings();
		final int tiles = WindowPlanner.wholeImageTiles(side, side, s);
		final double bound = tileBoundSeconds(tiles, s);
		final double[] tiled = run(side, spots, s);
		out.println(String.format(Locale.ROOT,
			"scattered damage %dx%d, %d spots: %.1f s with the planner (%d windows; %.1f s in network calls, planning " +
				"%.2f s); whole-image tile bound %.1f s (%d tiles of %d px, network only); ratio %.2f", side, side, spots,
			tiled[0], (int) tiled[1], tiled[2], tiled[3], bound, tiles, WindowPlanner.tileSide(s), tiled[0] / bound));
		if (untiled) {
			final double[] before = run(side, spots, s.withTiles(false));
			out.println(String.format(Locale.ROOT,
				"  the same without tiles (one window per group of holes): %.1f s (%d windows), %.2f x the bound",
				before[0], (int) before[1], before[0] / bound));
		}
		final double[] sparse = run(side, 5, s);
		final double[] sparseBefore = run(side, 5, s.withTiles(false));
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
		final InpaintingReport r = WindowedInpainting.inpaint(ChannelPlanes.of(image), mask, in.planSettings(),
			InpaintJob.DEFAULTS, in.network());
		out.println(String.format(Locale.ROOT,
			"large hole %dx%d in %dx%d: %.1f s, %d windows (%d shrunk, the rest full-resolution refine tiles)", hole,
			hole, side, side, (System.nanoTime() - t0) / 1e9, r.windows(), r.scaledWindows()));
	}

	/**
	 * A {@code side x side} RGB 8-bit image with a dense crack map (random-walk cracks 1-3 px wide, a few of them
	 * across the whole image), run through planning, reading and writing with the network replaced by a copy of
	 * its input: the Java side's time and memory, which must stay at the image plus a bounded working set.
	 */
	void hugeImage(final int side) {
		final long rss0 = BenchCli.procStatusKb("VmRSS");
		final ArrayImg<UnsignedByteType, ?> image = ArrayImgs.unsignedBytes(side, side, 3);
		for (final UnsignedByteType t : image)
			t.set(128);
		final ArrayImg<UnsignedByteType, ?> mask = cracks(side, 11);
		long holes = 0;
		for (final UnsignedByteType t : mask)
			if (t.get() != 0) holes++;
		final long heapBefore = BenchCli.usedHeapAfterGc();
		BenchCli.resetPeaks();
		final long rssBefore = BenchCli.procStatusKb("VmRSS");
		final long t0 = System.nanoTime();
		final InpaintingReport r = WindowedInpainting.inpaint(ChannelPlanes.of(image), mask, in.planSettings(),
			InpaintJob.DEFAULTS, batch -> batch.image().clone());
		out.println(String.format(Locale.ROOT,
			"huge image %dx%d RGB 8-bit (%d MB + %d MB mask), crack map of %.1f %% (network replaced by a copy): %.0f s " +
				"Java side, %d windows (%d shrunk); heap %d MB before the call, peak %d MB during it (working set %d MB); " +
				"RSS %d MB at start, %d MB before the call, peak of the process %d MB", side, side, 3L * side * side >> 20,
			(long) side * side >> 20, 100.0 * holes / side / side, (System.nanoTime() - t0) / 1e9, r.windows(), r
				.scaledWindows(), heapBefore >> 20, BenchCli.peakHeapMb(), BenchCli.peakHeapMb() - (heapBefore >> 20),
			rss0 >> 10, rssBefore >> 10, BenchCli.procStatusKb("VmHWM") >> 10));
	}

	/** Random-walk cracks, 1-3 px wide: one per 200 x 200 px of image, 400 px long, and 8 across the image. */
	static ArrayImg<UnsignedByteType, ?> cracks(final int side, final long seed) {
		final ArrayImg<UnsignedByteType, ?> mask = ArrayImgs.unsignedBytes(side, side);
		final RandomAccess<UnsignedByteType> m = mask.randomAccess();
		final Random r = new Random(seed);
		final long count = (long) side * side / (200 * 200);
		for (long k = 0; k < count + 8; k++) {
			final boolean across = k >= count;
			double x = across ? 0 : r.nextInt(side), y = r.nextInt(side);
			double angle = across ? 0 : r.nextDouble() * 2 * Math.PI;
			final int width = 1 + r.nextInt(3), length = across ? 3 * side : 400;
			for (int step = 0; step < length; step++) {
				angle += (r.nextDouble() - 0.5) * 0.6;
				if (across) angle = Math.max(-0.8, Math.min(0.8, angle));
				x += Math.cos(angle);
				y += Math.sin(angle);
				if (x < 0 || y < 0 || x >= side - width || y >= side - width) break;
				for (int dy = 0; dy < width; dy++)
					for (int dx = 0; dx < width; dx++) {
						m.setPosition(new long[] { (long) x + dx, (long) y + dy });
						m.get().set(255);
					}
			}
		}
		return mask;
	}

	private double[] run(final int side, final int spots, final PlanSettings s) {
		final ArrayImg<UnsignedByteType, ?> image = texture(side);
		final ArrayImg<UnsignedByteType, ?> mask = spots(side, spots, 7);
		final long p0 = System.nanoTime();
		WindowPlanner.plan(side, side, HoleScanner.scan(mask), s);
		final double planning = (System.nanoTime() - p0) / 1e9;
		final long n0 = in.network().networkNanos();
		final long t0 = System.nanoTime();
		final InpaintingReport r = WindowedInpainting.inpaint(ChannelPlanes.of(image), mask, s, InpaintJob.DEFAULTS, in
			.network());
		return new double[] { (System.nanoTime() - t0) / 1e9, r.windows(), (in.network().networkNanos() - n0) / 1e9,
			planning };
	}

	/** The whole-image tiles through the bare network, one per call or in batches, whichever is faster per tile. */
	private double tileBoundSeconds(final int tiles, final PlanSettings s) {
		final int side = WindowPlanner.tileSide(s);
		double best = Double.MAX_VALUE;
		for (final int batch : new int[] { 1, s.batchSize() })
			try (ForwardProbe probe = new ForwardProbe(in.network(), batch, side, side)) {
				probe.runOnce();
				best = Math.min(best, Math.min(probe.runOnce(), probe.runOnce()) / 1e9 / batch);
			}
		return tiles * best;
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
		return BenchCli.pattern(side, side);
	}
}
