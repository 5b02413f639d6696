package org.misf.batch;

import java.io.IOException;
import java.nio.file.Path;

import org.misf.core.MisfException;
import org.misf.io.TiffImage;

/**
 * Whether an image is inpainted as a wall, read and written block by block ({@link WallRun}), or whole through
 * ImageJ: the one place that decides, by the files alone, so users learn nothing new. A TIFF the wall reader can
 * read streams when ImageJ 1.x cannot take it whole: it is tiled or a BigTIFF (ImageJ reads neither), its plane
 * holds more than 2^31 - 1 pixels, or the whole-image run would not fit in this JVM's heap (measured like the batch's
 * other estimates: about 24 MB plus twice the image's bytes and 1.5 times the mask's); or when its mask is a TIFF
 * of that kind. Everything else goes the whole-image way.
 */
final class WallDecision {

	private static final long MB = 1 << 20;

	private WallDecision() {}

	/** Whether {@code image} with {@code mask} is done as a wall. */
	static boolean streams(final Path image, final Path mask) {
		final long[] img = layout(image);
		if (img == null) return false;
		if (img[3] == 1) return true;
		final long[] m = mask == null ? null : layout(mask);
		if (m != null && m[3] == 1) return true;
		final long pixels = img[0] * img[1];
		if (pixels > Integer.MAX_VALUE - 16) return true;
		final long need = 24 * MB + 2 * pixels * img[2] + (long) (1.5 * pixels);
		return need > Runtime.getRuntime().maxMemory();
	}

	/**
	 * {width, height, bytes a pixel in ImageJ, 1 when ImageJ cannot read the file at all}, or null when it is no TIFF
	 * the wall reader takes.
	 */
	private static long[] layout(final Path p) {
		if (!TiffImage.isTiff(p)) return null;
		try (TiffImage t = TiffImage.open(p)) {
			final long bytes = t.samples() == 3 ? (t.bits() == 16 ? 6 : 4) : Math.max(1, t.bits() / 8);
			return new long[] { t.width(), t.height(), bytes, t.tiled() || t.bigTiff() ? 1 : 0 };
		}
		catch (final IOException | MisfException e) {
			return null; // the whole-image reader says what is wrong with it
		}
	}
}
