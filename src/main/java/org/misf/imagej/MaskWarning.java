package org.misf.imagej;

import java.util.Locale;
import java.util.SortedSet;

import ij.ImagePlus;
import ij.WindowManager;

import org.misf.io.ImagePlanes;

/**
 * What a mask image deserves to be told before it is used at mask threshold 0 (any non-zero value is a hole): that
 * it has more than two values, as a JPEG or scanned mask has, whose noise then becomes speckled holes. The values are
 * read as the mask rule reads them ({@link ImagePlanes#maskValues}).
 */
final class MaskWarning {

	private MaskWarning() {}

	/** The warning for {@code mask} (plane {@code stackIndex}) at {@code threshold}, or null when none is due. */
	static String of(final ImagePlus mask, final int stackIndex, final double threshold) {
		if (mask == null || threshold != 0) return null;
		final SortedSet<Double> values = ImagePlanes.maskValues(mask, stackIndex, 3);
		if (values.size() <= 2) return null;
		final StringBuilder shown = new StringBuilder();
		for (final double v : values)
			shown.append(v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.3g", v)).append(", ");
		return "'" + mask.getTitle() + "' has more than two values (" + shown + "...): at mask threshold 0 every " +
			"non-zero pixel is a hole, so JPEG noise gives speckled holes; a threshold of 100 suits JPEG or scanned masks.";
	}

	/** The warning for the mask image that {@code s} names, if any, as a note (the Log in a macro). */
	static void note(final InpaintSettings s) {
		if (s.maskSource() != MaskSource.MASK_IMAGE) return;
		final ImagePlus mask = WindowManager.getImage(s.maskImage());
		final String warning = mask == null ? null : of(mask, 1, s.maskThreshold());
		if (warning != null) UserMessages.note(InpaintImage.TITLE, "Note: " + warning);
	}
}
