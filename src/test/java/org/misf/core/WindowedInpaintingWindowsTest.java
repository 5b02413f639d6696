package org.misf.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.misf.core.WindowedInpaintingFixtures.SETTINGS;
import static org.misf.core.WindowedInpaintingFixtures.checkOnlyHolesChanged;
import static org.misf.core.WindowedInpaintingFixtures.mask;
import static org.misf.core.WindowedInpaintingFixtures.random;
import static org.misf.core.WindowedInpaintingFixtures.values;

import net.imglib2.Cursor;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.integer.UnsignedByteType;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.misf.core.WindowedInpaintingFixtures.ColourNetwork;

/**
 * The holes and windows of the windowed path, with a network double whose output is known exactly
 * ({@link ColourNetwork}): dilated holes, a huge hole filled coarse then refined, overlapping windows that fill each
 * hole pixel once, and the cases that must leave the image untouched: bad masks, holes without context, a failing
 * network or refine tile, and cancelling.
 */
class WindowedInpaintingWindowsTest {

	@Test
	void dilationFillsTheGrownHoles() {
		final ArrayImg<UnsignedByteType, ?> img = ArrayImgs.unsignedBytes(64, 64);
		random(img, 0, 100, 8);
		final ArrayImg<UnsignedByteType, ?> m = mask(64, 64, new long[] { 30, 30, 2, 2 });
		final InpaintingReport r = WindowedInpainting.inpaint(ChannelPlanes.of(img), m, SETTINGS,
			InpaintJob.builder().dilation(2).build(), new ColourNetwork());
		assertEquals(6 * 6, r.holePixels());
		final double[] v = values(img);
		for (int y = 0; y < 64; y++)
			for (int x = 0; x < 64; x++)
				if (x >= 28 && x < 34 && y >= 28 && y < 34) assertEquals(128, v[y * 64 + x]);
				else assertTrue(v[y * 64 + x] <= 100);
	}

	@Test
	@Tag("slow")
	void hugeHoleIsFilledCoarseThenRefinedWithTheCoarseFillAsContext() {
		final ArrayImg<UnsignedByteType, ?> img = ArrayImgs.unsignedBytes(1400, 900);
		random(img, 0, 100, 9);
		final ArrayImg<UnsignedByteType, ?> m = mask(1400, 900, new long[] { 200, 150, 900, 600 });
		final double[] before = values(img);
		final ColourNetwork net = new ColourNetwork();
		final InpaintingReport r = WindowedInpainting.inpaint(ChannelPlanes.of(img), m, SETTINGS, InpaintJob.DEFAULTS, net);
		assertEquals(1, r.scaledWindows());
		assertTrue(net.largestInput <= 512 * 512);
		// deep pixels: coarse colour + tile detail (here none: both fills are flat), to within float rounding
		checkOnlyHolesChanged(before, img, m, new double[] { 128 }, 1);
		// the first call is the coarse fill; then full-resolution tiles, which together mask every hole pixel (in
		// its own cell, and near the hole's edge also in neighbouring tiles) and see the deep hole pixels beyond
		// their cell with the coarse fill
		long masked = 0, coarseContext = 0;
		for (int k = 1; k < net.calls; k++) {
			final int[] shape = net.shapes.get(k);
			final int hw = shape[1] * shape[2];
			for (int b = 0; b < shape[0]; b++)
				for (int i = 0; i < hw; i++) {
					final float v = net.images.get(k)[(b * 3) * hw + i];
					if (net.masks.get(k)[b * hw + i] > 0) masked++;
					else if (Math.abs(v - 0.5f) < 1e-6) coarseContext++; // gray: mean of (0.2, 0.5, 0.8)
				}
		}
		assertTrue(masked >= 900L * 600 && masked < 1.5 * 900 * 600, "masked in refine tiles: " + masked);
		assertTrue(coarseContext > 10000, "coarse fill seen as context: " + coarseContext);
		assertEquals(1, net.shapes.get(0)[0], "the coarse fill runs before, and apart from, the refine tiles");
	}

	@Test
	void aFailingRefineTileLeavesTheImageUntouched() {
		final ArrayImg<UnsignedByteType, ?> img = ArrayImgs.unsignedBytes(1400, 900);
		random(img, 0, 100, 19);
		final double[] before = values(img);
		final ColourNetwork failsLate = new ColourNetwork() {

			@Override
			public float[] run(final NetworkBatch batch) {
				if (calls == 2) throw new IllegalStateException("out of memory");
				return super.run(batch);
			}
		};
		assertThrows(IllegalStateException.class, () -> WindowedInpainting.inpaint(ChannelPlanes.of(img), mask(1400,
			900, new long[] {
			200, 150, 900, 600 }), SETTINGS, InpaintJob.DEFAULTS, failsLate));
		assertArrayEquals(before, values(img));
	}

	@Test
	void overlappingUnmergedWindowsFillEachHolePixelOnce() {
		final ArrayImg<UnsignedByteType, ?> img = ArrayImgs.unsignedBytes(1200, 600);
		random(img, 0, 100, 10);
		final ArrayImg<UnsignedByteType, ?> m = mask(1200, 600, new long[] { 100, 100, 300, 300 }, new long[] { 450,
			100, 300, 300 }, new long[] { 420, 450, 10, 10 });
		final double[] before = values(img);
		final InpaintingReport r = WindowedInpainting.inpaint(ChannelPlanes.of(img), m, SETTINGS, InpaintJob.DEFAULTS,
			new ColourNetwork());
		assertEquals(2 * 300 * 300 + 100, r.holePixels());
		checkOnlyHolesChanged(before, img, m, new double[] { 128 });
	}

	@Test
	void sizeMismatchEmptyAndFullMasksLeaveTheImageUntouched() {
		final ArrayImg<UnsignedByteType, ?> img = ArrayImgs.unsignedBytes(30, 20);
		random(img, 0, 255, 11);
		final double[] before = values(img);
		final BadInputException e = assertThrows(BadInputException.class,
			() -> WindowedInpainting.inpaint(ChannelPlanes.of(img), ArrayImgs.unsignedBytes(30, 21), SETTINGS,
			InpaintJob.DEFAULTS, new ColourNetwork()));
		assertEquals("The mask is 30x21 but the image is 30x20.", e.getMessage());
		final ColourNetwork net = new ColourNetwork();
		final InpaintingReport empty = WindowedInpainting.inpaint(ChannelPlanes.of(img), ArrayImgs.unsignedBytes(30,
			20), SETTINGS, InpaintJob.DEFAULTS, net);
		assertEquals(0, empty.holePixels());
		assertEquals(0, net.calls);
		final BadInputException full = assertThrows(BadInputException.class,
			() -> WindowedInpainting.inpaint(ChannelPlanes.of(img), mask(
			30, 20, new long[] { 0, 0, 30, 20 }), SETTINGS, InpaintJob.DEFAULTS, new ColourNetwork()));
		assertTrue(full.getMessage().contains("whole image"), full.getMessage());
		assertThrows(BadInputException.class,
			() -> WindowedInpainting.inpaint(ChannelPlanes.of(ArrayImgs.unsignedBytes(30, 20, 2)), mask(
			30, 20, new long[] { 1, 1, 2, 2 }), SETTINGS, InpaintJob.DEFAULTS, new ColourNetwork()));
		assertArrayEquals(before, values(img));
	}

	@Test
	void holesCoveringWholeWindowsAfterDilationAreRefused() {
		final ArrayImg<UnsignedByteType, ?> img = ArrayImgs.unsignedBytes(40, 40);
		random(img, 0, 255, 12);
		final double[] before = values(img);
		// a checkerboard of holes every 3 px, dilated by 1: no known pixel is left
		final ArrayImg<UnsignedByteType, ?> m = ArrayImgs.unsignedBytes(40, 40);
		final Cursor<UnsignedByteType> c = m.localizingCursor();
		while (c.hasNext()) {
			c.fwd();
			if (c.getIntPosition(0) % 3 == 0 && c.getIntPosition(1) % 3 == 0) c.get().set(1);
		}
		assertThrows(BadInputException.class, () -> WindowedInpainting.inpaint(ChannelPlanes.of(img), m, SETTINGS,
			InpaintJob.builder().dilation(1).build(), new ColourNetwork()));
		assertArrayEquals(before, values(img));
	}

	@Test
	void cancellingOrAFailingNetworkLeavesTheImageUntouched() {
		final ArrayImg<UnsignedByteType, ?> img = ArrayImgs.unsignedBytes(400, 100);
		random(img, 0, 255, 13);
		final double[] before = values(img);
		final ArrayImg<UnsignedByteType, ?> m = mask(400, 100, new long[] { 10, 10, 5, 5 }, new long[] { 300, 50, 5,
			5 });
		final PlanSettings oneByOne = SETTINGS.forJob(InpaintJob.builder().batchSize(1).build());
		final int[] seen = { 0 };
		final ProgressListener cancelAfterFirst = new ProgressListener() {

			@Override
			public void progress(final long done, final long total, final String message) {
				seen[0] = (int) done;
			}

			@Override
			public boolean isCancelled() {
				return seen[0] >= 1;
			}
		};
		assertThrows(CancelledException.class, () -> WindowedInpainting.inpaint(ChannelPlanes.of(img), m, oneByOne,
			InpaintJob.builder().progress(cancelAfterFirst).build(), new ColourNetwork()));
		final ColourNetwork failing = new ColourNetwork() {

			@Override
			public float[] run(final NetworkBatch batch) {
				if (calls == 1) throw new IllegalStateException("boom");
				return super.run(batch);
			}
		};
		assertThrows(IllegalStateException.class, () -> WindowedInpainting.inpaint(ChannelPlanes.of(img), m, oneByOne,
			InpaintJob.DEFAULTS, failing));
		assertArrayEquals(before, values(img));
	}
}
