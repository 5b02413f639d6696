package org.misf.core;

import net.imglib2.type.numeric.IntegerType;
import net.imglib2.type.numeric.RealType;

/**
 * Maps pixel intensities to the network's [0, 1] and back.
 * <p>
 * The range [{@code min}, {@code max}] is chosen like this (see {@link #choose}):
 * <ul>
 * <li>an explicit range (e.g. ImageJ's display range) when one is given;</li>
 * <li>otherwise, for integer types of at most 16 bits, the type range: 8-bit unsigned [0, 255],
 * 16-bit unsigned [0, 65535], signed types [-128, 127] and so on (ARGB channels are 8-bit);</li>
 * <li>otherwise (32-bit float, double, 32/64-bit integers) the minimum and maximum of the known
 * (non-hole) pixels inside the planned windows; [0, 1] when there are none, [v, v + 1] when all are v.</li>
 * </ul>
 * Into the network: {@code u = clamp((v - min) / (max - min), 0, 1)}. Back:
 * {@code v = min + u * (max - min)}, rounded to the nearest integer and clamped to the type range for
 * integer types, stored as is for floating-point types. Only hole pixels are ever written back, so the
 * clamping on the way in never alters a known pixel.
 */
public final class IntensityMapping {

	private final double min;
	private final double max;

	public IntensityMapping(final double min, final double max) {
		if (!(max > min) || Double.isInfinite(min) || Double.isInfinite(max))
			throw new BadInputException("The intensity range maximum (" + max + ") must be greater than its minimum (" +
				min + ").");
		this.min = min;
		this.max = max;
	}

	/** The mapping that the rules above give without known-pixel statistics, or null when they are needed. */
	static IntensityMapping choose(final RealType<?> type, final java.util.Optional<IntensityMapping> explicit) {
		if (explicit.isPresent()) return explicit.get();
		if (usesTypeRange(type)) return new IntensityMapping(type.getMinValue(), type.getMaxValue());
		return null;
	}

	/** Whether the type range is the default for this type (integer types of at most 16 bits). */
	public static boolean usesTypeRange(final RealType<?> type) {
		return type instanceof IntegerType && type.getBitsPerPixel() <= 16;
	}

	/** The range of known pixel values [lo, hi]; used for floating-point and wide integer types. */
	public static IntensityMapping fromKnownRange(final double lo, final double hi) {
		if (lo > hi) return new IntensityMapping(0, 1); // no known pixels
		if (hi == lo) return new IntensityMapping(lo, lo + 1);
		return new IntensityMapping(lo, hi);
	}

	public double min() { return min; }

	public double max() { return max; }

	/** Intensity to the network's scale, clamped to [0, 1]. */
	public float toUnit(final double v) {
		final double u = (v - min) / (max - min);
		return (float) (u < 0 ? 0 : u > 1 ? 1 : u);
	}

	/** Network value back to an intensity (not yet rounded). */
	public double fromUnit(final double u) {
		return min + u * (max - min);
	}

	/** Writes network value {@code u} into {@code t}: rounding and clamping for integer types. */
	public <T extends RealType<T>> void write(final double u, final T t) {
		final double v = fromUnit(u);
		if (t instanceof IntegerType) {
			final double r = Math.rint(v);
			t.setReal(Math.max(t.getMinValue(), Math.min(t.getMaxValue(), r)));
		}
		else t.setReal(v);
	}

	@Override
	public String toString() {
		return "[" + min + ", " + max + "] -> [0, 1]";
	}
}
