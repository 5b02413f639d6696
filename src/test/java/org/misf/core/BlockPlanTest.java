package org.misf.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import net.imglib2.FinalInterval;
import net.imglib2.RandomAccess;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.util.Intervals;
import net.imglib2.view.Views;

import org.junit.jupiter.api.Test;

/**
 * A wall computed block by block, in any order, each block on its own, gives the pixels of the whole-image run:
 * holes across block edges are filled once, by the window of the whole-image plan, with the same context.
 */
class BlockPlanTest {

	static final int W = 640, H = 560;

	/**
	 * Output depends on everything the window sees: each hole pixel gets the mean of the window's known pixels,
	 * shifted by its position in the window and by the batch size, so another region, another context or another
	 * batch gives other values.
	 */
	static final InpaintingNetwork CONTEXT = in -> {
		final float[] image = in.image(), mask = in.mask();
		final int batch = in.batch(), height = in.height(), width = in.width(), hw = height * width;
		final float[] out = image.clone();
		for (int b = 0; b < batch; b++)
			for (int c = 0; c < 3; c++) {
				double sum = 0;
				int n = 0;
				for (int i = 0; i < hw; i++)
					if (mask[b * hw + i] == 0) {
						sum += image[(b * 3 + c) * hw + i];
						n++;
					}
				final double mean = n == 0 ? 0 : sum / n;
				for (int i = 0; i < hw; i++)
					if (mask[b * hw + i] > 0) out[(b * 3 + c) * hw + i] = (float) Math.min(1, mean * 0.8 + 0.1 * (i % width) /
						width + 0.05 * (i / width) / height + 0.01 * batch);
			}
		return out;
	};

	/** Spots near and across block edges (block side 200), a dense patch, and one long diagonal crack. */
	static ArrayImg<UnsignedByteType, ?> damage() {
		final ArrayImg<UnsignedByteType, ?> m = WindowedInpaintingFixtures.mask(W, H, new long[] { 194, 194, 12, 12 },
			new long[] { 396, 100, 9, 30 }, new long[] { 600, 196, 30, 8 }, new long[] { 197, 3, 6, 6 },
			new long[] { 620, 300, 5, 5 }, new long[] { 0, 150, 7, 7 });
		final Random r = new Random(3);
		for (int i = 0; i < 60; i++)
			WindowedInpaintingFixtures.setBox(m, 430 + r.nextInt(120), 20 + r.nextInt(120), 3, 3);
		final RandomAccess<UnsignedByteType> a = m.randomAccess();
		for (int t = 0; t < 440; t++) { // a crack 3 px wide, too long for one window: coarse fill + refine tiles
			final long x = 20 + t, y = 470 + (long) (20 * Math.sin(t / 40.0));
			for (int d = 0; d < 3; d++) {
				a.setPosition(new long[] { x, Math.min(H - 1, y + d) });
				a.get().set(255);
			}
		}
		return m;
	}

	static ArrayImg<UnsignedByteType, ?> image(final long seed) {
		final ArrayImg<UnsignedByteType, ?> img = ArrayImgs.unsignedBytes(W, H, 3);
		WindowedInpaintingFixtures.random(img, 0, 255, seed);
		return img;
	}

	private static PlanSettings settings(final int dilation) {
		return WindowedInpaintingFixtures.SETTINGS.withBlockSide(200).forJob(job(dilation));
	}

	private static InpaintJob job(final int dilation) {
		return InpaintJob.builder().dilation(dilation).build();
	}

	/** The wall's way: coarse fills once, then every block on its own, in {@code order}, written at the end. */
	static void blockByBlock(final ArrayImg<UnsignedByteType, ?> img, final ArrayImg<UnsignedByteType, ?> mask,
		final PlanSettings s, final List<Integer> order)
	{
		final ChannelPlanes<UnsignedByteType> planes = ChannelPlanes.of(img);
		final BlockPlan plan = BlockPlan.of(W, H, HoleScanner.scan(mask), s);
		final IntensityMapping map = new IntensityMapping(0, 255);
		final CoarseRun coarse = CoarseRun.start(plan, planes, mask, map, ProgressListener.NONE);
		coarse.runWith(CONTEXT);
		final List<CoarseFill> fills = coarse.finish();
		final List<long[]> pixels = new ArrayList<>();
		for (final int b : order) {
			final BlockRun run = BlockRun.start(plan, b, planes, mask, fills, map, ProgressListener.NONE);
			run.runWith(CONTEXT);
			final UnsignedByteType v = new UnsignedByteType();
			run.finish((x, y, u) -> {
				final long[] p = new long[5];
				p[0] = x;
				p[1] = y;
				for (int c = 0; c < 3; c++) {
					map.write(u[c], v);
					p[2 + c] = v.get();
				}
				pixels.add(p);
			});
		}
		final RandomAccess<UnsignedByteType> a = img.randomAccess();
		final boolean[] seen = new boolean[W * H];
		for (final long[] p : pixels) {
			assertTrue(!seen[(int) (p[1] * W + p[0])], "pixel " + p[0] + "," + p[1] + " written twice");
			seen[(int) (p[1] * W + p[0])] = true;
			for (int c = 0; c < 3; c++) {
				a.setPosition(new long[] { p[0], p[1], c });
				a.get().set((int) p[2 + c]);
			}
		}
	}

	@Test
	void blocksGiveTheWholeImagesPixelsInAnyOrder() {
		final int dilation = 1;
		final PlanSettings s = settings(dilation);
		final ArrayImg<UnsignedByteType, ?> mask = damage();
		final ArrayImg<UnsignedByteType, ?> whole = image(7), blocks = image(7);
		WindowedInpainting.inpaint(ChannelPlanes.of(whole), mask, WindowedInpaintingFixtures.SETTINGS.withBlockSide(200),
			job(dilation), CONTEXT);
		final BlockPlan plan = BlockPlan.of(W, H, HoleScanner.scan(mask), s);
		assertTrue(plan.coarse().size() == 1 && plan.blocks() == 12, "one huge hole, 4 x 3 blocks");
		final List<Integer> order = new ArrayList<>();
		for (int b = 0; b < plan.blocks(); b++)
			if (plan.hasWork(b)) order.add(b);
		Collections.shuffle(order, new Random(dilation));
		blockByBlock(blocks, mask, s, order);
		final byte[] expected = WindowedInpaintingFixtures.bytes(whole);
		assertTrue(!java.util.Arrays.equals(expected, WindowedInpaintingFixtures.bytes(image(7))), "holes filled");
		assertArrayEquals(expected, WindowedInpaintingFixtures.bytes(blocks));
	}

	@Test
	void everyWindowBelongsToOneBlockAndHolesAcrossEdgesToOneWindow() {
		final PlanSettings s = settings(0);
		final ArrayImg<UnsignedByteType, ?> mask = damage();
		final List<HoleRegion> holes = HoleScanner.scan(mask);
		final BlockPlan plan = BlockPlan.of(W, H, holes, s);
		final int[] owner = new int[plan.writers().size()];
		java.util.Arrays.fill(owner, -1);
		int holesCounted = 0;
		for (int b = 0; b < plan.blocks(); b++) {
			holesCounted += plan.holesIn(b);
			final FinalInterval block = plan.block(b);
			for (final List<Integer> list : List.of(plan.fills(b), plan.refines(b)))
				for (final int i : list) {
					assertEquals(-1, owner[i], "window " + i + " in two blocks");
					owner[i] = b;
					final FinalInterval core = plan.writers().get(i).core();
					assertTrue(Intervals.contains(block, new FinalInterval(new long[] { (core.min(0) + core.max(0)) / 2,
						(core.min(1) + core.max(1)) / 2 }, new long[] { (core.min(0) + core.max(0)) / 2, (core.min(1) + core
							.max(1)) / 2 })));
				}
		}
		for (final int o : owner)
			assertTrue(o >= 0, "a window in no block");
		assertEquals(holes.size(), holesCounted);
		// the spot across the corner of four blocks (194..205 x 194..205) is one hole of one window
		int across = 0;
		for (final Window w : plan.writers())
			for (final FinalInterval core : w.cores())
				if (core.min(0) <= 199 && core.max(0) >= 200 && core.min(1) <= 199 && core.max(1) >= 200) across++;
		assertEquals(1, across);
		// blocks tile the image
		long area = 0;
		for (int b = 0; b < plan.blocks(); b++)
			area += Intervals.numElements(plan.block(b));
		assertEquals((long) W * H, area);
		assertEquals(plan.blocks() - 1, plan.blockAt(W - 1, H - 1));
		assertTrue(Views.iterable(mask).size() == (long) W * H);
	}
}
