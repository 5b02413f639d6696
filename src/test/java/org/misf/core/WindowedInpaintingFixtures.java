package org.misf.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import net.imglib2.RandomAccess;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.view.Views;

/**
 * What the tests of {@link WindowedInpainting} share: the plan settings, a network double whose output is known
 * exactly (hole pixels become (0.2, 0.5, 0.8) per channel, so the expected pixel values follow from the documented
 * intensity mapping), mask and image builders, and the check that only hole pixels changed.
 */
final class WindowedInpaintingFixtures {

	/** Window sides multiples of 4, from 16 to 512; the default job (4 windows per call). */
	static final PlanSettings SETTINGS = PlanSettings.forNetwork(4, 16, 512);

	private WindowedInpaintingFixtures() {}

	/** Fills holes with (0.2, 0.5, 0.8) and keeps known pixels; records every input it sees. */
	static class ColourNetwork implements InpaintingNetwork {

		final List<float[]> images = new ArrayList<>();
		final List<float[]> masks = new ArrayList<>();
		final List<int[]> shapes = new ArrayList<>();
		int calls;
		long largestInput;

		@Override
		public float[] run(final NetworkBatch in) {
			final float[] image = in.image(), mask = in.mask();
			final int batch = in.batch(), height = in.height(), width = in.width();
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

	/** A {@code w} x {@code h} mask whose boxes ({x, y, width, height}) are 255. */
	static ArrayImg<UnsignedByteType, ?> mask(final long w, final long h, final long[]... boxes) {
		final ArrayImg<UnsignedByteType, ?> m = ArrayImgs.unsignedBytes(w, h);
		for (final long[] b : boxes)
			for (final UnsignedByteType t : Views.interval(m, new long[] { b[0], b[1] }, new long[] { b[0] + b[2] - 1,
				b[1] + b[3] - 1 }))
				t.set(255);
		return m;
	}

	static <T extends RealType<T>> void random(final RandomAccessibleInterval<T> img, final double lo,
		final double hi, final long seed)
	{
		final Random r = new Random(seed);
		for (final T t : Views.flatIterable(img))
			t.setReal(lo + r.nextDouble() * (hi - lo));
	}

	static double[] values(final RandomAccessibleInterval<? extends RealType<?>> img) {
		final List<Double> list = new ArrayList<>();
		for (final RealType<?> t : Views.flatIterable(img))
			list.add(t.getRealDouble());
		return list.stream().mapToDouble(Double::doubleValue).toArray();
	}

	/** Checks that exactly the hole pixels changed, to the expected value of each channel. */
	static void checkOnlyHolesChanged(final double[] before, final RandomAccessibleInterval<? extends RealType<?>> after,
		final RandomAccessibleInterval<UnsignedByteType> mask, final double[] expectedPerChannel)
	{
		checkOnlyHolesChanged(before, after, mask, expectedPerChannel, 1e-9);
	}

	static void checkOnlyHolesChanged(final double[] before, final RandomAccessibleInterval<? extends RealType<?>> after,
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

	/** Sets the {@code w x h} box at (x, y) of a 2D mask to 255. */
	static void setBox(final RandomAccessibleInterval<UnsignedByteType> m, final long x, final long y, final long w,
		final long h)
	{
		for (final UnsignedByteType t : Views.interval(m, new long[] { x, y }, new long[] { x + w - 1, y + h - 1 }))
			t.set(255);
	}

	/** The pixels of an 8-bit image, in flat order. */
	static byte[] bytes(final RandomAccessibleInterval<UnsignedByteType> img) {
		final byte[] out = new byte[(int) Views.iterable(img).size()];
		int i = 0;
		for (final UnsignedByteType t : Views.flatIterable(img))
			out[i++] = (byte) t.get();
		return out;
	}
}
