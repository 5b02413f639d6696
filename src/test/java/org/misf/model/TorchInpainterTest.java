package org.misf.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.view.Views;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.misf.core.BadInputException;
import org.misf.core.ChannelPlanes;
import org.misf.core.InpaintJob;
import org.misf.core.InpaintingReport;
import org.misf.core.WindowedInpainting;

/** The real network through {@link Inpainter}: only holes change, bad inputs leave the image untouched. */
class TorchInpainterTest {

	private static TorchInpainter inpainter;

	@BeforeAll
	static void open() {
		inpainter = Inpainters.open(ModelPackage.defaultPackage(), Device.CPU);
	}

	@AfterAll
	static void close() {
		inpainter.close();
	}

	private static short[] random16(final int n, final long seed) {
		final Random r = new Random(seed);
		final short[] s = new short[n];
		for (int i = 0; i < n; i++)
			s[i] = (short) (1000 + r.nextInt(3000));
		return s;
	}

	@Test
	void sixteenBitOnlyHolesChange() {
		final short[] px = random16(100 * 80, 1);
		final short[] before = px.clone();
		final byte[] m = new byte[100 * 80];
		for (int y = 30; y < 40; y++)
			for (int x = 20; x < 35; x++)
				m[y * 100 + x] = 1;
		final InpaintingReport r = inpainter.inpaint(ChannelPlanes.of(ArrayImgs.unsignedShorts(px, 100, 80)),
			ArrayImgs.unsignedBytes(m, 100,
			80), InpaintJob.builder().range(0, 5000).build());
		assertEquals(150, r.holePixels());
		int changed = 0;
		for (int i = 0; i < px.length; i++) {
			if (m[i] == 0) assertEquals(before[i], px[i]);
			else {
				if (px[i] != before[i]) changed++;
				assertTrue((px[i] & 0xffff) <= 5000, "within the explicit range");
			}
		}
		assertTrue(changed > 100, "the network wrote the holes");
	}

	@Test
	void emptyMaskChangesNothingAndSaysSo() {
		final short[] px = random16(40 * 30, 2);
		final short[] before = px.clone();
		final InpaintingReport r = inpainter.inpaint(ChannelPlanes.of(ArrayImgs.unsignedShorts(px, 40, 30)),
			ArrayImgs.unsignedBytes(40, 30), InpaintJob.DEFAULTS);
		assertEquals(0, r.holePixels());
		assertEquals("The mask is empty: nothing to inpaint, the image is unchanged.", r.toString());
		assertArrayEquals(before, px);
	}

	@Test
	void badInputsArePassedOnAsTheyAreAndLeaveTheImageUntouched() {
		final short[] px = random16(40 * 30, 3);
		final short[] before = px.clone();
		final BadInputException size = assertThrows(BadInputException.class,
			() -> inpainter.inpaint(ChannelPlanes.of(ArrayImgs
			.unsignedShorts(px, 40, 30)), ArrayImgs.unsignedBytes(40, 31), InpaintJob.DEFAULTS));
		assertEquals("The mask is 40x31 but the image is 40x30.", size.getMessage());
		final byte[] all = new byte[40 * 30];
		java.util.Arrays.fill(all, (byte) 1);
		final BadInputException full = assertThrows(BadInputException.class,
			() -> inpainter.inpaint(ChannelPlanes.of(ArrayImgs
			.unsignedShorts(px, 40, 30)), ArrayImgs.unsignedBytes(all, 40, 30), InpaintJob.DEFAULTS));
		assertTrue(full.getMessage().contains("covers the whole image"));
		assertArrayEquals(before, px);
	}

	@Test
	void batchedWindowsGiveTheSameResultAsSingleWindows() {
		final ArrayImg<UnsignedByteType, ?> a = ArrayImgs.unsignedBytes(400, 120, 3);
		final Random r = new Random(4);
		for (final UnsignedByteType t : a)
			t.set(r.nextInt(256));
		final ArrayImg<UnsignedByteType, ?> b = a.copy();
		final ArrayImg<UnsignedByteType, ?> m = ArrayImgs.unsignedBytes(400, 120);
		for (final long x : new long[] { 40, 160, 280 })
			for (final UnsignedByteType t : Views.interval(m, new long[] { x, 50 }, new long[] { x + 9, 59 }))
				t.set(1);
		final InpaintingReport batched = inpainter.inpaint(ChannelPlanes.of(a), m,
			InpaintJob.builder().batchSize(4).build());
		inpainter.inpaint(ChannelPlanes.of(b), m, InpaintJob.builder().batchSize(1).build());
		assertEquals(3, batched.windows());
		int maxDiff = 0;
		final net.imglib2.Cursor<UnsignedByteType> ca = a.cursor(), cb = b.cursor();
		while (ca.hasNext())
			maxDiff = Math.max(maxDiff, Math.abs(ca.next().get() - cb.next().get()));
		assertTrue(maxDiff <= 1, "batching changes at most rounding: " + maxDiff);
	}

	/**
	 * A 20000 x 20000 8-bit image (400 MB) with a few small holes: the network only ever sees small windows,
	 * and the time is that of the holes plus one scan of the mask.
	 */
	@Test
	@Tag("slow")
	void hugeImageNeedsOnlySmallTensors() {
		final int side = 20000;
		final ArrayImg<UnsignedByteType, ?> img = ArrayImgs.unsignedBytes(side, side);
		final ArrayImg<UnsignedByteType, ?> m = ArrayImgs.unsignedBytes(side, side);
		final long[][] holes = { { 100, 100 }, { 12000, 5000 }, { 19990, 19990 }, { 5000, 15000 } };
		for (final long[] h : holes)
			for (final UnsignedByteType t : Views.interval(m, h, new long[] { Math.min(side - 1, h[0] + 11), Math.min(
				side - 1, h[1] + 11) }))
				t.set(255);
		final RandomAccessProbe probe = new RandomAccessProbe(img);
		final InpaintingReport r = WindowedInpainting.inpaint(ChannelPlanes.of(img), m, inpainter.planSettings(),
			InpaintJob.DEFAULTS, inpainter.network());
		assertEquals(4, r.windows());
		assertTrue(r.largestInput() <= 96 * 96, "largest network input " + r.largestInput() + " px");
		assertNotEquals(0, r.holePixels());
		assertEquals(0, probe.nonZeroOutsideHoles(m), "known pixels stay 0");
	}

	/** Counts written (non-zero) pixels outside the holes of an all-zero image. */
	private static final class RandomAccessProbe {

		private final ArrayImg<UnsignedByteType, ?> img;

		RandomAccessProbe(final ArrayImg<UnsignedByteType, ?> img) {
			this.img = img;
		}

		long nonZeroOutsideHoles(final ArrayImg<UnsignedByteType, ?> mask) {
			long n = 0;
			final net.imglib2.Cursor<UnsignedByteType> c = img.cursor(), mc = mask.cursor();
			while (c.hasNext()) {
				final int v = c.next().get(), hole = mc.next().get();
				if (v != 0 && hole == 0) n++;
			}
			return n;
		}
	}
}
