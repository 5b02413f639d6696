package org.misf.metrics;

import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.DoubleType;
import net.imglib2.type.numeric.real.FloatType;

/**
 * How pixel values reach the metrics' [0, 1] scale: {@code (v - min) / (max - min)}.
 * <p>
 * By pixel type ({@link #forType}): 8-bit unsigned / 255, 16-bit unsigned / 65535, float and double as they
 * are (assumed to be in [0, 1] already), any other integer type over its full range. Use {@link #of} for
 * an explicit range (e.g. 12-bit data in 16-bit pixels: {@code of(0, 4095)}).
 */
public final class IntensityScale {

	/** Values already on [0, 1] (float data). */
	public static final IntensityScale UNIT = new IntensityScale(0, 1, 0);

	/** 8-bit data: / 255. */
	public static final IntensityScale UINT8 = new IntensityScale(0, 255, 255);

	/** 16-bit data: / 65535. */
	public static final IntensityScale UINT16 = new IntensityScale(0, 65535, 65535);

	private final double min;
	private final double max;
	private final int levels;

	private IntensityScale(final double min, final double max, final int levels) {
		this.min = min;
		this.max = max;
		this.levels = levels;
	}

	/** An explicit range: {@code min} maps to 0 and {@code max} to 1. */
	public static IntensityScale of(final double min, final double max) {
		if (!(max > min)) throw new MetricsException("The intensity range maximum (" + max +
			") must be greater than its minimum (" + min + ").");
		if (min == 0 && max == 255) return UINT8;
		if (min == 0 && max == 65535) return UINT16;
		return new IntensityScale(min, max, 0);
	}

	/** The default scale of a pixel type (see the class comment). */
	public static <T extends RealType<T>> IntensityScale forType(final T type) {
		if (type instanceof UnsignedByteType) return UINT8;
		if (type instanceof UnsignedShortType) return UINT16;
		if (type instanceof FloatType || type instanceof DoubleType) return UNIT;
		return of(type.getMinValue(), type.getMaxValue());
	}

	public double toUnit(final double v) {
		return (v - min) / (max - min);
	}

	public double min() { return min; }

	public double max() { return max; }

	/** 255 or 65535 when the data are integers on that many steps (8-/16-bit), else 0. */
	public int levels() { return levels; }

	@Override
	public String toString() {
		return levels == 255 ? "8-bit (/255)" : levels == 65535 ? "16-bit (/65535)" :
			min == 0 && max == 1 ? "float (as is)" : "range [" + min + ", " + max + "]";
	}
}
