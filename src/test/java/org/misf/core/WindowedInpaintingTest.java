package org.misf.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import net.imglib2.Cursor;
import net.imglib2.RandomAccess;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.ARGBType;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The windowed path with a network double whose output is known exactly: hole pixels become a fixed colour
 * per channel (0.2, 0.5, 0.8), so the expected pixel values follow from the documented intensity mapping.
 */
class WindowedInpaintingTest {

	private static final PlanSettings SETTINGS = new PlanSettings(0, -1, 4, 16, 512, 4);

	/** Fills holes with (0.2, 0.5, 0.8) and keeps known pixels; records every input it sees. */
	static class ColourNetwork implements InpaintingNetwork {

		final List<float[]> images = new ArrayList<>();
		final List<float[]> masks = new ArrayList<>();
		final List<int[]> shapes = new ArrayList<>();
		int calls;
		long largestInput;

		@Override
		public float[] run(final float[] image, final float[] mask, final int batch, final int height, final int width) {
			calls++;
			largestInput = Math.max(largestInput, (long) height * width);
			images.add(image.clone());
			masks.add(mask.clone());
			shapes.add(new int[] { batch, height, width });
			final int hw = height * width;
			final float[] out = image.clone();
			for (int b = 0; b < batch; b++)
				for (int c = 0; c < 3; c++)
					for (int i = 0; i < hw; i++)
						if (mask[b * hw + i] > 0) out[(b * 3 + c) * hw + i] = 0.2f + 0.3f * c;
			return out;
		}
	}

	private static ArrayImg<UnsignedByteType, ?> mask(final long w, final long h, final long[]... boxes) {
		final ArrayImg<UnsignedByteType, ?> m = ArrayImgs.unsignedBytes(w, h);
		for (final long[] b : boxes)
			for (final UnsignedByteType t : Views.interval(m, new long[] { b[0], b[1] }, new long[] { b[0] + b[2] - 1,
				b[1] + b[3] - 1 }))
				t.set(255);
		return m;
	}

	private static <T extends RealType<T>> void random(final RandomAccessibleInterval<T> img, final double lo,
		final double hi, final long seed)
	{
		final Random r = new Random(seed);
		for (final T t : Views.flatIterable(img))
			t.setReal(lo + r.nextDouble() * (hi - lo));
	}

	private static double[] values(final RandomAccessibleInterval<? extends RealType<?>> img) {
		final List<Double> list = new ArrayList<>();
		for (final RealType<?> t : Views.flatIterable(img))
			list.add(t.getRealDouble());
		return list.stream().mapToDouble(Double::doubleValue).toArray();
	}

	/** Checks that exactly the hole pixels changed, to the expected value of each channel. */
	private static void checkOnlyHolesChanged(final double[] before, final RandomAccessibleInterval<? extends RealType<?>> after,
		final RandomAccessibleInterval<UnsignedByteType> mask, final double[] expectedPerChannel)
	{
		checkOnlyHolesChanged(before, after, mask, expectedPerChannel, 1e-9);
	}

	private static void checkOnlyHolesChanged(final double[] before, final RandomAccessibleInterval<? extends RealType<?>> after,
		final RandomAccessibleInterval<UnsignedByteType> mask, final double[] expectedPerChannel, final double tolerance)
	{
		final long w = mask.dimension(0), h = mask.dimension(1);
		final double[] now = values(after);
		final RandomAccess<UnsignedByteType> m = mask.randomAccess();
		for (int i = 0; i < now.length; i++) {
			final long x = i % w, y = (i / w) % h;
			final int c = (int) (i / (w * h));
			m.setPosition(new long[] { x, y });
			if (m.get().get() != 0) assertEquals(expectedPerChannel[c], now[i], tolerance, "hole pixel " + x + "," + y + "," + c);
			else assertEquals(before[i], now[i], 0.0, "known pixel " + x + "," + y + "," + c + " must not change");
		}
	}

	@Test
	void gray8BitIsFedAsThreeChannelsAndWrittenBackAsTheirMean() {
		final ArrayImg<UnsignedByteType, ?> img = ArrayImgs.unsignedBytes(120, 90);
		random(img, 0, 255, 1);
		final ArrayImg<UnsignedByteType, ?> m = mask(120, 90, new long[] { 10, 10, 8, 5 }, new long[] { 90, 60, 20, 20 });
		final double[] before = values(img);
		final ColourNetwork net = new ColourNetwork();
		final InpaintingReport r = WindowedInpainting.inpaint(img, m, SETTINGS, Double.NaN, Double.NaN, net,
			ProgressListener.NONE);
		assertEquals(8 * 5 + 20 * 20, r.holePixels());
		// mean of (0.2, 0.5, 0.8) = 0.5 -> 127.5 -> rounds to 128
		checkOnlyHolesChanged(before, img, m, new double[] { 128 });
		assertEquals(2, r.windows());
		assertEquals(0, r.scaledWindows());
		// gray is fed as three equal channels
		final float[] in = net.images.get(0);
		final int hw = in.length / 3;
		for (int i = 0; i < hw; i++) {
			assertEquals(in[i], in[hw + i]);
			assertEquals(in[i], in[2 * hw + i]);
		}
	}

	@Test
	void networkInputIsTheDocumentedMappingOfKnownPixels() {
		final ArrayImg<UnsignedByteType, ?> img = ArrayImgs.unsignedBytes(32, 32);
		random(img, 0, 255, 2);
		final ArrayImg<UnsignedByteType, ?> m = mask(32, 32, new long[] { 12, 12, 6, 6 });
		final ColourNetwork net = new ColourNetwork();
		WindowedInpainting.inpaint(img, m, SETTINGS, Double.NaN, Double.NaN, net, ProgressListener.NONE);
		// 32x32 image, hole 6x6 + margin 32: the window is the whole image, batch of one
		final float[] in = net.images.get(0);
		assertEquals(3 * 32 * 32, in.length);
		final RandomAccess<UnsignedByteType> ra = img.randomAccess();
		final RandomAccess<UnsignedByteType> ma = m.randomAccess();
		for (int y = 0; y < 32; y++)
			for (int x = 0; x < 32; x++) {
				ma.setPosition(new int[] { x, y });
				if (ma.get().get() != 0) continue;
				ra.setPosition(new int[] { x, y });
				for (int c = 0; c < 3; c++)
					assertEquals(ra.get().get() / 255f, in[c * 1024 + y * 32 + x], 1e-7);
			}
	}

	@Test
	void unsignedShortUsesTheTypeRangeOrAnExplicitRange() {
		final RandomAccessibleInterval<net.imglib2.type.numeric.integer.UnsignedShortType> img = ArrayImgs
			.unsignedShorts(64, 48);
		random(img, 100, 4000, 3);
		final ArrayImg<UnsignedByteType, ?> m = mask(64, 48, new long[] { 20, 20, 5, 5 });
		final double[] before = values(img);
		WindowedInpainting.inpaint(img, m, SETTINGS, Double.NaN, Double.NaN, new ColourNetwork(),
			ProgressListener.NONE);
		checkOnlyHolesChanged(before, img, m, new double[] { 32768 }); // rint(0.5 * 65535) = 32768 (half to even)
		final double[] before2 = values(img);
		WindowedInpainting.inpaint(img, m, SETTINGS, 0, 4000, new ColourNetwork(), ProgressListener.NONE);
		checkOnlyHolesChanged(before2, img, m, new double[] { 2000 });
	}

	@Test
	void floatUsesTheRangeOfTheKnownPixels() {
		final ArrayImg<FloatType, ?> img = ArrayImgs.floats(40, 40);
		random(img, -3, 5, 4);
		final ArrayImg<UnsignedByteType, ?> m = mask(40, 40, new long[] { 15, 15, 4, 4 });
		// make one hole pixel extreme: it must not affect the range (only known pixels count)
		img.randomAccess().setPositionAndGet(16, 16).set(1000f);
		double lo = Double.MAX_VALUE, hi = -Double.MAX_VALUE;
		final Cursor<FloatType> c = img.localizingCursor();
		final RandomAccess<UnsignedByteType> ma = m.randomAccess();
		while (c.hasNext()) {
			c.fwd();
			ma.setPosition(c);
			if (ma.get().get() != 0) continue;
			lo = Math.min(lo, c.get().get());
			hi = Math.max(hi, c.get().get());
		}
		final double[] before = values(img);
		final InpaintingReport r = WindowedInpainting.inpaint(img, m, SETTINGS, Double.NaN, Double.NaN,
			new ColourNetwork(), ProgressListener.NONE);
		assertEquals(lo, r.mapping().min(), 1e-6);
		assertEquals(hi, r.mapping().max(), 1e-6);
		checkOnlyHolesChanged(before, img, m, new double[] { lo + 0.5 * (hi - lo) });
	}

	@Test
	void threeChannelAndOneChannelImages() {
		final ArrayImg<UnsignedByteType, ?> rgb = ArrayImgs.unsignedBytes(50, 40, 3);
		random(rgb, 0, 255, 5);
		final ArrayImg<UnsignedByteType, ?> m = mask(50, 40, new long[] { 5, 5, 3, 3 }, new long[] { 46, 36, 4, 4 });
		final double[] before = values(rgb);
		WindowedInpainting.inpaint(rgb, m, SETTINGS, Double.NaN, Double.NaN, new ColourNetwork(),
			ProgressListener.NONE);
		// 0.2 * 255 = 51, 0.5 * 255 = 127.5 -> 128, 0.8 * 255 = 204
		checkOnlyHolesChanged(before, rgb, m, new double[] { 51, 128, 204 });

		final ArrayImg<UnsignedByteType, ?> one = ArrayImgs.unsignedBytes(50, 40, 1);
		random(one, 0, 255, 6);
		final double[] before1 = values(one);
		WindowedInpainting.inpaint(one, m, SETTINGS, Double.NaN, Double.NaN, new ColourNetwork(),
			ProgressListener.NONE);
		checkOnlyHolesChanged(before1, one, m, new double[] { 128 });
	}

	@Test
	void argbKeepsAlphaAndChangesOnlyHoles() {
		final int[] pixels = new int[60 * 30];
		final ArrayImg<ARGBType, ?> img = ArrayImgs.argbs(pixels, 60, 30);
		final Random r = new Random(7);
		for (int i = 0; i < pixels.length; i++)
			pixels[i] = r.nextInt();
		final ArrayImg<UnsignedByteType, ?> m = mask(60, 30, new long[] { 30, 10, 5, 6 });
		final int[] before = pixels.clone();
		WindowedInpainting.inpaintARGB(img, m, SETTINGS, Double.NaN, Double.NaN, new ColourNetwork(),
			ProgressListener.NONE);
		final int[] after = pixels;
		for (int i = 0; i < after.length; i++) {
			final int x = i % 60, y = i / 60;
			final boolean hole = x >= 30 && x < 35 && y >= 10 && y < 16;
			if (hole) assertEquals((before[i] & 0xff000000) | 51 << 16 | 128 << 8 | 204, after[i]);
			else assertEquals(before[i], after[i]);
		}
	}

	@Test
	void dilationFillsTheGrownHoles() {
		final ArrayImg<UnsignedByteType, ?> img = ArrayImgs.unsignedBytes(64, 64);
		random(img, 0, 100, 8);
		final ArrayImg<UnsignedByteType, ?> m = mask(64, 64, new long[] { 30, 30, 2, 2 });
		final InpaintingReport r = WindowedInpainting.inpaint(img, m, new PlanSettings(2, -1, 4, 16, 512, 4), Double.NaN,
			Double.NaN, new ColourNetwork(), ProgressListener.NONE);
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
		final InpaintingReport r = WindowedInpainting.inpaint(img, m, SETTINGS, Double.NaN, Double.NaN, net,
			ProgressListener.NONE);
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
	void nanPixelsOfAFloatImageAreHolesAndNeverContext() {
		final ArrayImg<FloatType, ?> img = ArrayImgs.floats(80, 60);
		random(img, 100, 200, 21);
		final RandomAccess<FloatType> a = img.randomAccess();
		for (int y = 20; y < 24; y++)
			for (int x = 30; x < 35; x++) {
				a.setPosition(new int[] { x, y });
				a.get().set(Float.NaN); // missing data, not in the mask
			}
		final ArrayImg<UnsignedByteType, ?> m = mask(80, 60, new long[] { 5, 5, 3, 3 });
		final ColourNetwork net = new ColourNetwork();
		final InpaintingReport r = WindowedInpainting.inpaint(img, m, SETTINGS, Double.NaN, Double.NaN, net,
			ProgressListener.NONE);
		assertEquals(9 + 20, r.holePixels());
		for (final float[] in : net.images)
			for (final float v : in)
				assertTrue(!Float.isNaN(v), "a NaN reached the network");
		for (final FloatType t : img)
			assertTrue(!Float.isNaN(t.get()), "every NaN was filled");
	}

	@Test
	void aFailingRefineTileLeavesTheImageUntouched() {
		final ArrayImg<UnsignedByteType, ?> img = ArrayImgs.unsignedBytes(1400, 900);
		random(img, 0, 100, 19);
		final double[] before = values(img);
		final ColourNetwork failsLate = new ColourNetwork() {

			@Override
			public float[] run(final float[] image, final float[] mask, final int batch, final int height,
				final int width)
			{
				if (calls == 2) throw new IllegalStateException("out of memory");
				return super.run(image, mask, batch, height, width);
			}
		};
		assertThrows(IllegalStateException.class, () -> WindowedInpainting.inpaint(img, mask(1400, 900, new long[] {
			200, 150, 900, 600 }), SETTINGS, Double.NaN, Double.NaN, failsLate, ProgressListener.NONE));
		assertArrayEquals(before, values(img));
	}

	@Test
	void overlappingUnmergedWindowsFillEachHolePixelOnce() {
		final ArrayImg<UnsignedByteType, ?> img = ArrayImgs.unsignedBytes(1200, 600);
		random(img, 0, 100, 10);
		final ArrayImg<UnsignedByteType, ?> m = mask(1200, 600, new long[] { 100, 100, 300, 300 }, new long[] { 450,
			100, 300, 300 }, new long[] { 420, 450, 10, 10 });
		final double[] before = values(img);
		final InpaintingReport r = WindowedInpainting.inpaint(img, m, SETTINGS, Double.NaN, Double.NaN,
			new ColourNetwork(), ProgressListener.NONE);
		assertEquals(2 * 300 * 300 + 100, r.holePixels());
		checkOnlyHolesChanged(before, img, m, new double[] { 128 });
	}

	@Test
	void sizeMismatchEmptyAndFullMasksLeaveTheImageUntouched() {
		final ArrayImg<UnsignedByteType, ?> img = ArrayImgs.unsignedBytes(30, 20);
		random(img, 0, 255, 11);
		final double[] before = values(img);
		final BadInputException e = assertThrows(BadInputException.class, () -> WindowedInpainting.inpaint(img,
			ArrayImgs.unsignedBytes(30, 21), SETTINGS, Double.NaN, Double.NaN, new ColourNetwork(),
			ProgressListener.NONE));
		assertEquals("The mask is 30x21 but the image is 30x20.", e.getMessage());
		final ColourNetwork net = new ColourNetwork();
		final InpaintingReport empty = WindowedInpainting.inpaint(img, ArrayImgs.unsignedBytes(30, 20), SETTINGS,
			Double.NaN, Double.NaN, net, ProgressListener.NONE);
		assertEquals(0, empty.holePixels());
		assertEquals(0, net.calls);
		final BadInputException full = assertThrows(BadInputException.class, () -> WindowedInpainting.inpaint(img, mask(
			30, 20, new long[] { 0, 0, 30, 20 }), SETTINGS, Double.NaN, Double.NaN, new ColourNetwork(),
			ProgressListener.NONE));
		assertTrue(full.getMessage().contains("whole image"), full.getMessage());
		assertThrows(BadInputException.class, () -> WindowedInpainting.inpaint(ArrayImgs.unsignedBytes(30, 20, 2), mask(
			30, 20, new long[] { 1, 1, 2, 2 }), SETTINGS, Double.NaN, Double.NaN, new ColourNetwork(),
			ProgressListener.NONE));
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
		assertThrows(BadInputException.class, () -> WindowedInpainting.inpaint(img, m, new PlanSettings(1, -1, 4, 16,
			512, 4), Double.NaN, Double.NaN, new ColourNetwork(), ProgressListener.NONE));
		assertArrayEquals(before, values(img));
	}

	@Test
	void cancellingOrAFailingNetworkLeavesTheImageUntouched() {
		final ArrayImg<UnsignedByteType, ?> img = ArrayImgs.unsignedBytes(400, 100);
		random(img, 0, 255, 13);
		final double[] before = values(img);
		final ArrayImg<UnsignedByteType, ?> m = mask(400, 100, new long[] { 10, 10, 5, 5 }, new long[] { 300, 50, 5,
			5 });
		final PlanSettings oneByOne = new PlanSettings(0, -1, 4, 16, 512, 1);
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
		assertThrows(CancelledException.class, () -> WindowedInpainting.inpaint(img, m, oneByOne, Double.NaN, Double.NaN,
			new ColourNetwork(), cancelAfterFirst));
		final ColourNetwork failing = new ColourNetwork() {

			@Override
			public float[] run(final float[] image, final float[] mask, final int batch, final int height,
				final int width)
			{
				if (calls == 1) throw new IllegalStateException("boom");
				return super.run(image, mask, batch, height, width);
			}
		};
		assertThrows(IllegalStateException.class, () -> WindowedInpainting.inpaint(img, m, oneByOne, Double.NaN,
			Double.NaN, failing, ProgressListener.NONE));
		assertArrayEquals(before, values(img));
	}
}
