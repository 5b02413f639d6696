package org.misf.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import net.imglib2.FinalInterval;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.position.FunctionRandomAccessible;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.util.Intervals;
import net.imglib2.view.Views;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class WindowPlannerTest {

	/** MISF-like rules: multiple of 4, min 16, max 512, automatic margin. */
	private static final PlanSettings AUTO = PlanSettings.forNetwork(4, 16, 512);

	private static HoleRegion hole(final long x, final long y, final long w, final long h) {
		return new HoleRegion(new FinalInterval(new long[] { x, y }, new long[] { x + w - 1, y + h - 1 }), w * h);
	}

	private static void checkRules(final Window w, final PlanSettings s) {
		assertEquals(0, w.netWidth() % s.multiple(), w.toString());
		assertEquals(0, w.netHeight() % s.multiple(), w.toString());
		assertTrue(w.netWidth() >= s.minSize() && w.netHeight() >= s.minSize(), w.toString());
		assertTrue(w.netWidth() <= s.maxSize() && w.netHeight() <= s.maxSize(), w.toString());
		for (final FinalInterval c : w.cores())
			assertTrue(Intervals.contains(w.region(), c), "region holds the core: " + w);
	}

	@Test
	void nearbyHolesMergeIntoOneWindowWithMargin() {
		final List<Window> ws = WindowPlanner.plan(1000, 1000, Arrays.asList(hole(400, 400, 10, 10), hole(430, 405,
			10, 10)), AUTO);
		assertEquals(1, ws.size());
		final Window w = ws.get(0);
		checkRules(w, AUTO);
		assertEquals(400, w.core().min(0));
		assertEquals(439, w.core().max(0));
		// 32 px automatic margin on every side of the united holes
		assertTrue(w.region().min(0) <= 400 - 32 && w.region().max(0) >= 439 + 32, w.toString());
		assertTrue(w.region().min(1) <= 400 - 32 && w.region().max(1) >= 414 + 32, w.toString());
	}

	@Test
	void distantHolesStayApartAndExplicitMarginIsUsed() {
		final PlanSettings s = PlanSettings.forNetwork(4, 16, 512).forJob(InpaintJob.builder().margin(10).build());
		final List<Window> ws = WindowPlanner.plan(1000, 1000, Arrays.asList(hole(100, 100, 8, 8), hole(600, 600, 8,
			8)), s);
		assertEquals(2, ws.size());
		for (final Window w : ws) {
			checkRules(w, s);
			assertEquals(28, w.netWidth()); // 8 + 2 * 10 = 28, a multiple of 4
			assertEquals(1, w.scale());
		}
	}

	@Test
	void windowsAtBordersStayInsideTheImage() {
		final List<Window> ws = WindowPlanner.plan(300, 200, Arrays.asList(hole(0, 0, 5, 5), hole(293, 195, 7, 5)),
			AUTO);
		assertEquals(2, ws.size());
		for (final Window w : ws) {
			checkRules(w, AUTO);
			assertTrue(Intervals.contains(new FinalInterval(300, 200), w.region()), w.toString());
		}
	}

	@Test
	void imageSmallerThanTheNetworkMinimumIsMirroredAround() {
		final List<Window> ws = WindowPlanner.plan(10, 7, Arrays.asList(hole(3, 3, 2, 2)), AUTO);
		assertEquals(1, ws.size());
		final Window w = ws.get(0);
		checkRules(w, AUTO);
		assertEquals(16, w.netWidth());
		assertTrue(Intervals.contains(w.region(), new FinalInterval(10, 7)), w.toString());
	}

	@Test
	void hugeHoleIsFilledCoarseThenRefinedTileByTile() {
		final FinalInterval core = new FinalInterval(new long[] { 1000, 500 }, new long[] { 2499, 1399 });
		final List<Window> ws = WindowPlanner.plan(5000, 3000, Arrays.asList(hole(1000, 500, 1500, 900)), AUTO);
		final Window coarse = ws.get(0);
		assertEquals(Window.Role.COARSE, coarse.role());
		checkRules(coarse, AUTO);
		assertEquals(4, coarse.scale()); // (1500 + 2 * 128) / 512 rounded up
		long covered = 0;
		for (final Window w : ws.subList(1, ws.size())) {
			assertEquals(Window.Role.REFINE, w.role(), w.toString());
			assertEquals(1, w.scale());
			checkRules(w, AUTO);
			assertTrue(Intervals.contains(w.cell(), w.core()), "a refine tile fills only its cell: " + w);
			assertTrue(Intervals.contains(core, w.core()), w.toString());
			covered += Intervals.numElements(w.core());
		}
		assertEquals(Intervals.numElements(core), covered, "the refine tiles' cores partition the hole's core");
	}

	@Test
	void mergingStopsAtTheLargestWindow() {
		// two big holes whose windows overlap but together would exceed 512: kept apart, each fills its own core
		final List<Window> ws = WindowPlanner.plan(2000, 2000, Arrays.asList(hole(100, 100, 200, 200), hole(450, 100,
			200, 200)), AUTO);
		assertEquals(2, ws.size());
		for (final Window w : ws) {
			checkRules(w, AUTO);
			assertEquals(Window.Role.FILL, w.role());
		}
	}

	@Test
	void dilationGrowsTheCores() {
		final PlanSettings s = PlanSettings.forNetwork(4, 16, 512).forJob(InpaintJob.builder().dilation(3).build());
		final Window w = WindowPlanner.plan(100, 100, Arrays.asList(hole(50, 50, 4, 4)), s).get(0);
		assertEquals(47, w.core().min(0));
		assertEquals(56, w.core().max(1));
	}

	@Test
	void batchesShareOneNetworkSizeAndKeepAllWindows() {
		final List<HoleRegion> holes = new ArrayList<>();
		for (int i = 0; i < 9; i++)
			holes.add(hole(100 + 200 * i, 100, 6 + i, 6));
		final List<Window> ws = WindowPlanner.plan(2000, 400, holes, AUTO);
		final List<List<Window>> batches = WindowPlanner.batches(ws, 4, 2000, 400);
		int count = 0;
		for (final List<Window> b : batches) {
			assertTrue(b.size() <= 4);
			for (final Window w : b) {
				assertEquals(b.get(0).netWidth(), w.netWidth());
				assertEquals(b.get(0).netHeight(), w.netHeight());
				checkRules(w, AUTO);
				count++;
			}
		}
		assertEquals(9, count);
	}

	/**
	 * A 20000 x 20000 image with a few small holes: the mask is a lazy view (no 400 MB array) and the planned
	 * windows, i.e. the network inputs, stay small.
	 */
	@Test
	@Tag("slow")
	void hugeImageWithFewSmallHolesPlansOnlySmallWindows() {
		final long side = 20000;
		final long[][] holes = { { 1000, 1000 }, { 15000, 3000 }, { 7000, 19980 }, { 19990, 12000 } };
		final RandomAccessibleInterval<UnsignedByteType> mask = Views.interval(new FunctionRandomAccessible<>(2, (p,
			t) -> {
			final long x = p.getLongPosition(0), y = p.getLongPosition(1);
			int v = 0;
			for (final long[] h : holes)
				if (x >= h[0] && x < h[0] + 10 && y >= h[1] && y < h[1] + 10) v = 255;
			t.set(v);
		}, UnsignedByteType::new), new FinalInterval(side, side));
		final List<HoleRegion> found = HoleScanner.scan(mask);
		assertEquals(4, found.size());
		final List<Window> ws = WindowPlanner.plan(side, side, found, AUTO);
		assertEquals(4, ws.size());
		for (final Window w : ws) {
			checkRules(w, AUTO);
			assertTrue(w.netWidth() * w.netHeight() <= 80 * 80, w.toString());
		}
	}

	/** Square spots of 2-10 px, one in each of {@code count} random 12 px cells, so they never touch. */
	private static List<HoleRegion> spots(final long side, final int count, final long seed) {
		final java.util.Random r = new java.util.Random(seed);
		final int cells = (int) (side / 12);
		final java.util.Set<Integer> used = new java.util.HashSet<>();
		final List<HoleRegion> out = new ArrayList<>();
		while (out.size() < count) {
			final int cell = r.nextInt(cells * cells);
			if (!used.add(cell)) continue;
			final int d = 2 + r.nextInt(9);
			out.add(hole(cell % cells * 12 + 1, cell / cells * 12 + 1, d, d));
		}
		return out;
	}

	/**
	 * The first writing window whose cores meet a hole holds it whole in one core, so it fills every pixel of
	 * that hole and no seam runs through it.
	 */
	private static void checkEachHoleHasOneWriter(final List<HoleRegion> holes, final List<Window> ws) {
		for (final HoleRegion h : holes) {
			boolean found = false;
			for (final Window w : ws) {
				if (w.role() != Window.Role.FILL) continue;
				boolean meets = false, holds = false;
				for (final FinalInterval c : w.cores()) {
					meets |= !Intervals.isEmpty(Intervals.intersect(c, h.box()));
					holds |= Intervals.contains(c, h.box());
				}
				if (!meets) continue;
				assertTrue(holds, "the first window meeting " + h + " holds only part of it: " + w);
				found = true;
				break;
			}
			assertTrue(found, "no window for " + h);
		}
	}

	@Test
	void denseSpotsAreFilledTileByTile() {
		final List<HoleRegion> holes = spots(2400, 2000, 1);
		final List<Window> ws = WindowPlanner.plan(2400, 2400, holes, AUTO);
		int tiles = 0;
		long pixels = 0;
		for (final Window w : ws) {
			checkRules(w, AUTO);
			if (w.netWidth() == 512 && w.netHeight() == 512) tiles++;
			pixels += (long) w.netWidth() * w.netHeight();
		}
		assertEquals(36, tiles, "every tile has enough spots to be cheaper than their windows");
		assertTrue(pixels < 1.1 * 36 * 512 * 512, "network pixels " + pixels + " near the whole-image tiles");
		checkEachHoleHasOneWriter(holes, ws);
		// without tiles: a window per group of holes, many more network pixels
		long before = 0;
		for (final Window w : WindowPlanner.plan(2400, 2400, holes, AUTO.withTiles(false)))
			before += (long) w.netWidth() * w.netHeight();
		assertTrue(before > pixels, before + " vs " + pixels);
	}

	@Test
	void tilesAreTheLargestSideTheModelRunsUpTo512() {
		assertEquals(512, AUTO.tileSide());
		assertEquals(384, PlanSettings.forNetwork(4, 16, 384).tileSide(), "a model whose largest side is 384");
		assertEquals(512, PlanSettings.forNetwork(4, 16, 1024).tileSide(), "at most 512 (memory)");
		assertEquals(504, PlanSettings.forNetwork(12, 16, 1024).tileSide(), "a multiple of the model's multiple");
		assertEquals(512, AUTO.withTiles(false).withTiles(true).tileSide());
		// a chosen side is kept through other changes, and decides the grid
		final PlanSettings small = AUTO.withTileSide(256);
		assertEquals(256, small.withTiles(false).withTiles(true).tileSide());
		assertEquals(256, WindowPlanner.tileSide(small));
		assertEquals(36, WindowPlanner.wholeImageTiles(2400, 2400, AUTO)); // 6 x 6 tiles of 512, cells 384-400
		assertEquals(324, WindowPlanner.wholeImageTiles(2400, 2400, small)); // 18 x 18 of 256, cells ~133
		final List<HoleRegion> holes = spots(2400, 2000, 1);
		final List<Window> ws = WindowPlanner.plan(2400, 2400, holes, small);
		for (final Window w : ws)
			checkRules(w, small);
		assertTrue(ws.stream().filter(w -> w.netWidth() == 256 && w.netHeight() == 256).count() > 36, "tiles of 256");
		checkEachHoleHasOneWriter(holes, ws);
		for (final int bad : new int[] { 0, 12, 516 })
			assertTrue(assertThrows(BadInputException.class, () -> AUTO.withTileSide(bad)).getMessage().startsWith(
				"A tile side must be"), "tile side " + bad);
	}

	@Test
	void sparseSpotsKeepTheirOwnWindows() {
		final List<HoleRegion> holes = spots(2400, 5, 2);
		final List<Window> ws = WindowPlanner.plan(2400, 2400, holes, AUTO);
		final List<Window> before = WindowPlanner.plan(2400, 2400, holes, AUTO.withTiles(false));
		assertEquals(before.size(), ws.size());
		for (int i = 0; i < ws.size(); i++) {
			assertEquals(before.get(i).region(), ws.get(i).region());
			assertTrue(ws.get(i).netWidth() < 100, ws.get(i).toString());
		}
		checkEachHoleHasOneWriter(holes, ws);
	}

	@Test
	void mergedWindowsNeverOverlapUnlessMergingWouldExceedTheLargestSize() {
		final PlanSettings s = AUTO.withTiles(false);
		final List<HoleRegion> holes = spots(3000, 1500, 3);
		final List<Window> ws = WindowPlanner.plan(3000, 3000, holes, s);
		checkEachHoleHasOneWriter(holes, ws);
		for (int i = 0; i < ws.size(); i++)
			for (int j = i + 1; j < ws.size(); j++) {
				final FinalInterval a = ws.get(i).core(), b = ws.get(j).core();
				final long ma = s.marginFor(a.dimension(0), a.dimension(1)), mb = s.marginFor(b.dimension(0), b.dimension(1));
				final FinalInterval image = new FinalInterval(3000, 3000);
				if (Intervals.isEmpty(Intervals.intersect(Intervals.expand(a, ma), Intervals.expand(b, mb)))) continue;
				final FinalInterval union = Intervals.union(a, b);
				final long m = Math.max(Math.max(ma, mb), s.marginFor(union.dimension(0), union.dimension(1)));
				final FinalInterval merged = Intervals.intersect(Intervals.expand(union, m), image);
				assertTrue(Math.max(merged.dimension(0), merged.dimension(1)) > s.maxSize(), "windows " + ws.get(i) +
					" and " + ws.get(j) + " could merge");
			}
	}

	@Test
	void fortyThousandSpotsOnAHugeImageEachGetOneWriter() {
		// (planned in about a second: 'bench' prints the planning time; the merge uses a grid, not all pairs)
		final List<HoleRegion> holes = spots(20000, 40000, 4);
		final List<Window> ws = WindowPlanner.plan(20000, 20000, holes, AUTO);
		checkEachHoleHasOneWriter(holes.subList(0, 300), ws);
		for (final Window w : ws)
			checkRules(w, AUTO);
	}
}
