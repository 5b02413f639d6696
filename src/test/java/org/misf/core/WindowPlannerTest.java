package org.misf.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
	private static final PlanSettings AUTO = new PlanSettings(0, -1, 4, 16, 512, 4);

	private static HoleRegion hole(final long x, final long y, final long w, final long h) {
		return new HoleRegion(new FinalInterval(new long[] { x, y }, new long[] { x + w - 1, y + h - 1 }), w * h);
	}

	private static void checkRules(final Window w, final PlanSettings s) {
		assertEquals(0, w.netWidth() % s.multiple(), w.toString());
		assertEquals(0, w.netHeight() % s.multiple(), w.toString());
		assertTrue(w.netWidth() >= s.minSize() && w.netHeight() >= s.minSize(), w.toString());
		assertTrue(w.netWidth() <= s.maxSize() && w.netHeight() <= s.maxSize(), w.toString());
		assertTrue(Intervals.contains(w.region(), w.core()), "region holds the core: " + w);
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
		final PlanSettings s = new PlanSettings(0, 10, 4, 16, 512, 4);
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
	void hugeHoleIsShrunkToFitTheLargestWindow() {
		final List<Window> ws = WindowPlanner.plan(5000, 3000, Arrays.asList(hole(1000, 500, 1500, 900)), AUTO);
		assertEquals(1, ws.size());
		final Window w = ws.get(0);
		checkRules(w, AUTO);
		assertEquals(4, w.scale()); // (1500 + 2 * 128) / 512 rounded up
		assertTrue(Intervals.contains(w.region(), w.core()));
	}

	@Test
	void mergingStopsAtTheLargestWindow() {
		// two big holes whose windows overlap but together would exceed 512: kept apart, each fills its own core
		final List<Window> ws = WindowPlanner.plan(2000, 2000, Arrays.asList(hole(100, 100, 300, 300), hole(450, 100,
			300, 300)), AUTO);
		assertEquals(2, ws.size());
		for (final Window w : ws)
			checkRules(w, AUTO);
	}

	@Test
	void dilationGrowsTheCores() {
		final PlanSettings s = new PlanSettings(3, -1, 4, 16, 512, 4);
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
}
