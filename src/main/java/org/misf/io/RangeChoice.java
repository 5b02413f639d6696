package org.misf.io;

import java.util.Locale;

import ij.ImagePlus;

import org.misf.core.InpaintJob;
import org.misf.model.InpaintingException;

/**
 * The user's word for the intensity range that is mapped to [0, 1]: {@code auto} (8/16-bit: the type's range;
 * 32-bit: the known pixels' min/max, decided in {@code core/IntensityMapping}), {@code display} (the file's
 * ImageJ display range) or {@code MIN,MAX}. The one place that reads that word, for every front-end.
 */
public final class RangeChoice {

	public static final RangeChoice AUTO = new RangeChoice("auto", Double.NaN, Double.NaN);
	public static final RangeChoice DISPLAY = new RangeChoice("display", Double.NaN, Double.NaN);

	private final String word;
	private final double min, max;

	private RangeChoice(final String word, final double min, final double max) {
		this.word = word;
		this.min = min;
		this.max = max;
	}

	/** A fixed range; MAX must be greater than MIN. */
	public static RangeChoice of(final double min, final double max) {
		if (!Double.isFinite(min) || !Double.isFinite(max) || !(max > min)) throw new InpaintingException(
			"The range needs MIN,MAX with MAX greater than MIN, not " + min + "," + max + ".");
		return new RangeChoice(format(min) + "," + format(max), min, max);
	}

	/** Reads "auto", "display" (any case) or "MIN,MAX"; anything else is an {@link InpaintingException}. */
	public static RangeChoice parse(final String text) {
		final String t = text == null ? "" : text.trim();
		if (t.equalsIgnoreCase(AUTO.word)) return AUTO;
		if (t.equalsIgnoreCase(DISPLAY.word)) return DISPLAY;
		final String[] p = t.split(",");
		if (p.length == 2) try {
			return of(Double.parseDouble(p[0].trim()), Double.parseDouble(p[1].trim()));
		}
		catch (final NumberFormatException e) {
			// below
		}
		throw new InpaintingException("The range needs auto, display or MIN,MAX, not '" + t + "'.");
	}

	/** True for {@code MIN,MAX}. */
	public boolean isFixed() { return !Double.isNaN(min); }

	public double min() { return min; }

	public double max() { return max; }

	/** Whether the range depends on the image (display), so that it is applied image by image. */
	public boolean needsImage() { return this == DISPLAY; }

	/**
	 * {@code job} with this range for {@code imp} (display: its display range; RGB keeps 0-255); {@code imp} may be
	 * null when the range does not {@linkplain #needsImage need the image}.
	 */
	public InpaintJob applyTo(final InpaintJob job, final ImagePlus imp) {
		if (isFixed()) return job.toBuilder().range(min, max).build();
		if (this == DISPLAY && imp.getType() != ImagePlus.COLOR_RGB) return job.toBuilder().range(imp
			.getDisplayRangeMin(), imp.getDisplayRangeMax()).build();
		return job;
	}

	/** The word as a user would type it again ("auto", "display", "0,4095"). */
	@Override
	public String toString() { return word; }

	private static String format(final double v) {
		return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%s", v);
	}
}
