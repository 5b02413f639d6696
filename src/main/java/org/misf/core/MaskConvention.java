package org.misf.core;

import java.util.Locale;

/**
 * How a mask image's values mark holes: non-zero (the default), or above a threshold (for masks saved as JPEG or
 * scanned, e.g. 100 as the MISF release uses), and optionally inverted (for masks where white means known, as in
 * the Dunhuang challenge). Both front-ends read mask images through it.
 */
public final class MaskConvention {

	/** Non-zero values are holes. */
	public static final MaskConvention NON_ZERO = new MaskConvention(Double.NaN, false);

	private final double threshold;
	private final boolean invert;

	/** @param threshold values above it are holes; NaN for "non-zero" */
	public MaskConvention(final double threshold, final boolean invert) {
		if (Double.isInfinite(threshold)) throw new BadInputException("The mask threshold must be a number.");
		this.threshold = threshold;
		this.invert = invert;
	}

	/** Whether a mask value (for RGB masks: the largest of the three channels) marks a hole. */
	public boolean isHole(final double value) {
		final boolean hole = Double.isNaN(threshold) ? HoleRule.isHole(value) : value > threshold;
		return invert != hole;
	}

	/** NaN for the non-zero rule. */
	public double threshold() { return threshold; }

	public boolean inverted() { return invert; }

	/** E.g. "non-zero", "> 100", "inverted: <= 100". */
	@Override
	public String toString() {
		final String rule = Double.isNaN(threshold) ? "non-zero" : "> " + format(threshold);
		if (!invert) return rule;
		return "inverted: " + (Double.isNaN(threshold) ? "zero" : "<= " + format(threshold));
	}

	private static String format(final double v) {
		return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%s", v);
	}
}
