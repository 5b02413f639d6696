package org.misf.core;

import java.util.function.BiConsumer;

import net.imglib2.FinalInterval;
import net.imglib2.Localizable;
import net.imglib2.RandomAccess;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.position.FunctionRandomAccessible;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.view.Views;

/**
 * The one hole rule of inpainting: a pixel is a hole where its mask is non-zero (NaN included), and, in a
 * floating-point image, where any of its channels is NaN, which is how ImageJ marks missing data (a NaN can be
 * neither context nor kept).
 */
public final class HoleRule {

	private HoleRule() {}

	/** Whether images of this type can hold NaN. */
	public static boolean mayHoldNaN(final RealType<?> type) {
		final RealType<?> t = type.createVariable();
		t.setReal(Double.NaN);
		return Double.isNaN(t.getRealDouble());
	}

	/** Whether a mask value marks a hole. */
	public static boolean isHole(final double maskValue) {
		return maskValue != 0;
	}

	/** A lazy view: 1 where the mask or any image channel makes a hole, else 0 (for floating-point images). */
	static <T extends RealType<T>, M extends RealType<M>> RandomAccessibleInterval<UnsignedByteType> withNaN(
		final ChannelPlanes<T> planes, final RandomAccessibleInterval<M> mask)
	{
		final RandomAccessibleInterval<M> m = Views.zeroMin(mask);
		return Views.interval(new FunctionRandomAccessible<UnsignedByteType>(2, () -> {
			final RandomAccess<M> ma = m.randomAccess();
			@SuppressWarnings("unchecked")
			final RandomAccess<T>[] pa = new RandomAccess[planes.count()];
			for (int c = 0; c < pa.length; c++)
				pa[c] = Views.zeroMin(planes.plane(c)).randomAccess();
			final BiConsumer<Localizable, UnsignedByteType> f = (pos, out) -> {
				ma.setPosition(pos);
				boolean hole = isHole(ma.get().getRealDouble());
				for (int c = 0; c < pa.length && !hole; c++) {
					pa[c].setPosition(pos);
					hole = Double.isNaN(pa[c].get().getRealDouble());
				}
				out.set(hole ? 1 : 0);
			};
			return f;
		}, UnsignedByteType::new), new FinalInterval(planes.width(), planes.height()));
	}
}
