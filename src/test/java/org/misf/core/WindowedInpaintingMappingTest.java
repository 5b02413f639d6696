package org.misf.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.misf.core.WindowedInpaintingFixtures.SETTINGS;
import static org.misf.core.WindowedInpaintingFixtures.checkOnlyHolesChanged;
import static org.misf.core.WindowedInpaintingFixtures.mask;
import static org.misf.core.WindowedInpaintingFixtures.random;
import static org.misf.core.WindowedInpaintingFixtures.values;

import java.util.Random;

import net.imglib2.Cursor;
import net.imglib2.RandomAccess;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.ARGBType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.real.FloatType;

import org.junit.jupiter.api.Test;
import org.misf.core.WindowedInpaintingFixtures.ColourNetwork;

/**
 * The intensity mapping and the channels of the windowed path, with a network double whose output is known exactly
 * ({@link ColourNetwork}): what the network is fed (gray as three equal channels, known pixels mapped by the type's,
 * an explicit or the known pixels' range), what is written back to 8/16-bit, float, one- and three-channel and ARGB
 * images, and NaN pixels of a float image, which are holes and never context.
 */
class WindowedInpaintingMappingTest {

	@Test
	void gray8BitIsFedAsThreeChannelsAndWrittenBackAsTheirMean() {
		final ArrayImg<UnsignedByteType, ?> img = ArrayImgs.unsignedBytes(120, 90);
		random(img, 0, 255, 1);
		final ArrayImg<UnsignedByteType, ?> m = mask(120, 90, new long[] { 10, 10, 8, 5 }, new long[] { 90, 60, 20, 20 });
		final double[] before = values(img);
		final ColourNetwork net = new ColourNetwork();
		final InpaintingReport r = WindowedInpainting.inpaint(ChannelPlanes.of(img), m, SETTINGS, InpaintJob.DEFAULTS, net);
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
		WindowedInpainting.inpaint(ChannelPlanes.of(img), m, SETTINGS, InpaintJob.DEFAULTS, net);
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
		WindowedInpainting.inpaint(ChannelPlanes.of(img), m, SETTINGS, InpaintJob.DEFAULTS, new ColourNetwork());
		checkOnlyHolesChanged(before, img, m, new double[] { 32768 }); // rint(0.5 * 65535) = 32768 (half to even)
		final double[] before2 = values(img);
		WindowedInpainting.inpaint(ChannelPlanes.of(img), m, SETTINGS, InpaintJob.builder().range(0, 4000).build(),
			new ColourNetwork());
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
		final InpaintingReport r = WindowedInpainting.inpaint(ChannelPlanes.of(img), m, SETTINGS, InpaintJob.DEFAULTS,
			new ColourNetwork());
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
		WindowedInpainting.inpaint(ChannelPlanes.of(rgb), m, SETTINGS, InpaintJob.DEFAULTS, new ColourNetwork());
		// 0.2 * 255 = 51, 0.5 * 255 = 127.5 -> 128, 0.8 * 255 = 204
		checkOnlyHolesChanged(before, rgb, m, new double[] { 51, 128, 204 });

		final ArrayImg<UnsignedByteType, ?> one = ArrayImgs.unsignedBytes(50, 40, 1);
		random(one, 0, 255, 6);
		final double[] before1 = values(one);
		WindowedInpainting.inpaint(ChannelPlanes.of(one), m, SETTINGS, InpaintJob.DEFAULTS, new ColourNetwork());
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
		WindowedInpainting.inpaint(ChannelPlanes.ofARGB(img), m, SETTINGS, InpaintJob.DEFAULTS, new ColourNetwork());
		final int[] after = pixels;
		for (int i = 0; i < after.length; i++) {
			final int x = i % 60, y = i / 60;
			final boolean hole = x >= 30 && x < 35 && y >= 10 && y < 16;
			if (hole) assertEquals((before[i] & 0xff000000) | 51 << 16 | 128 << 8 | 204, after[i]);
			else assertEquals(before[i], after[i]);
		}
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
		final InpaintingReport r = WindowedInpainting.inpaint(ChannelPlanes.of(img), m, SETTINGS, InpaintJob.DEFAULTS, net);
		assertEquals(9 + 20, r.holePixels());
		for (final float[] in : net.images)
			for (final float v : in)
				assertTrue(!Float.isNaN(v), "a NaN reached the network");
		for (final FloatType t : img)
			assertTrue(!Float.isNaN(t.get()), "every NaN was filled");
	}
}
