package org.misf.batch;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.stream.ImageInputStream;

import ij.io.FileInfo;

import org.misf.core.MisfException;
import org.misf.io.ImageFile;
import org.misf.io.TiffImage;
import org.misf.model.InpaintingException;

/**
 * What an input needs, judged from its files' headers before a pixel is read: the one place that decides whether an
 * image is done as a wall, block by block ({@link #streams}), and whether the Java heap can hold it whole
 * ({@link #checkHeap}).
 * <p>
 * A wall: a TIFF the wall reader can read, when ImageJ 1.x cannot take it whole: it is tiled or a BigTIFF (ImageJ
 * reads neither), its plane holds more than 2^31 - 1 pixels, or the whole-image run would not fit in this JVM's heap
 * (about 24 MB plus twice the image's bytes and 1.5 times the mask's); or when its mask is a TIFF of that kind.
 * Everything else goes the whole-image way, so users learn nothing new.
 * <p>
 * The heap: an image too large is one sentence naming the heap it needs, not an {@code OutOfMemoryError} in the
 * middle of a batch, from its header (size, samples, slices). Measured on this project's CLI (the smallest {@code -Xmx} that did one image, 3000 x 3000 and
 * 1500 x 1500, 8-bit mask): RGB PNG 127 / 43 MB, RGB TIFF 85 / 28 MB, 16-bit TIFF 52 / 19 MB, i.e. about 10 MB
 * plus, a pixel, 1.75 times the image's bytes in ImageJ for TIFF (ImageJ's copy and the result read back to
 * check it) or 2.75 times for PNG and the other formats Java's ImageIO decodes (its decoded picture too), and
 * 1.4 times the mask's. The estimate allows more than that: 24 MB, 2 and 3.25 times, 1.5 times.
 */
final class InputCheck {

	static final long MB = 1 << 20;

	private static final long BASE = 24 * MB;

	private InputCheck() {}

	/** Whether {@code image} with {@code mask} is done as a wall. */
	static boolean streams(final Path image, final Path mask) {
		final long[] img = layout(image);
		if (img == null) return false;
		if (img[3] == 1) return true;
		final long[] m = mask == null ? null : layout(mask);
		if (m != null && m[3] == 1) return true;
		final long pixels = img[0] * img[1];
		if (pixels > Integer.MAX_VALUE - 16) return true;
		final long need = BASE + 2 * pixels * img[2] + (long) (1.5 * pixels);
		return need > Runtime.getRuntime().maxMemory();
	}

	/**
	 * {width, height, bytes a pixel in ImageJ, 1 when ImageJ cannot read the file at all}, or null when it is no TIFF
	 * the wall reader takes.
	 */
	private static long[] layout(final Path p) {
		if (!ImageFile.isTiff(p)) return null;
		try (TiffImage t = TiffImage.open(p)) {
			final long bytes = t.samples() == 3 ? (t.bits() == 16 ? 6 : 4) : Math.max(1, t.bits() / 8);
			return new long[] { t.width(), t.height(), bytes, t.tiled() || t.bigTiff() ? 1 : 0 };
		}
		catch (final IOException | MisfException e) {
			return null; // the whole-image reader says what is wrong with it
		}
	}

	/** Throws with one sentence when the image and its mask will not fit in this JVM's heap; unknown sizes pass. */
	static void checkHeap(final Path image, final Path mask, final boolean saveChanges) {
		final long need = need(image, mask, saveChanges);
		final long max = Runtime.getRuntime().maxMemory();
		if (need > max) throw new InpaintingException(String.format(Locale.ROOT,
			"it needs about %d MB of Java heap, more than the %d MB this run has (its header says %s); run java with " +
				"-Xmx%dm or more, or inpaint it on a machine with more memory.", need / MB, max / MB, describe(image),
			roundUp(need)));
	}

	/** The sentence for an image that ran out of heap all the same. */
	static String outOfMemory() {
		final long max = Runtime.getRuntime().maxMemory();
		return String.format(Locale.ROOT, "the Java heap (%d MB) ran out while this image was done; run java with " +
			"-Xmx%dm or more (nothing was written for it).", max / MB, roundUp(2 * max));
	}

	/** Bytes of heap the batch needs for this image, or 0 when a header cannot be read. */
	static long need(final Path image, final Path mask, final boolean saveChanges) {
		final long[] img = header(image), m = header(mask);
		if (img == null) return 0;
		final long imageBytes = img[0] * img[1] * img[2] * img[3];
		final double factor = ImageFile.isTiff(image) ? 2.0 : 3.25;
		long need = BASE + (long) (factor * imageBytes);
		if (m != null) need += (long) (1.5 * m[0] * m[1] * m[3]);
		if (saveChanges) need += imageBytes + img[0] * img[1];
		return need;
	}

	private static long roundUp(final long bytes) {
		final long step = 256 * MB;
		return (bytes + step - 1) / step * step / MB;
	}

	private static String describe(final Path image) {
		final long[] h = header(image);
		return h[0] + " x " + h[1] + (h[2] > 1 ? " x " + h[2] + " slices" : "") + ", " + h[3] + " byte" + (h[3] == 1 ? ""
			: "s") + " a pixel in ImageJ";
	}

	/** {width, height, slices, bytes a pixel as ImageJ holds it}, or null when the header cannot be read. */
	static long[] header(final Path p) {
		try {
			return ImageFile.isTiff(p) ? tiff(p) : imageIo(p);
		}
		catch (final IOException | RuntimeException e) {
			return null; // the reader says what is wrong with the file
		}
	}

	private static long[] tiff(final Path p) throws IOException {
		final FileInfo[] info = ImageFile.tiffInfo(p);
		if (info == null || info.length == 0) throw new IOException("no TIFF header");
		final FileInfo f = info[0];
		final long slices = info.length > 1 ? info.length : Math.max(1, f.nImages);
		final int stored = Math.max(1, f.getBytesPerPixel());
		return new long[] { f.width, f.height, slices, stored == 3 ? 4 : stored }; // ImageJ holds 3 bytes in an int
	}

	private static long[] imageIo(final Path p) throws IOException {
		try (ImageInputStream in = ImageIO.createImageInputStream(p.toFile())) {
			final Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
			if (readers == null || !readers.hasNext()) throw new IOException("no reader");
			final ImageReader r = readers.next();
			try {
				r.setInput(in, true, true);
				final ImageTypeSpecifier type = r.getImageTypes(0).next();
				final int bands = type.getSampleModel().getNumBands();
				final int bits = type.getSampleModel().getSampleSize(0);
				final boolean colour = bands >= 3 || type.getColorModel() instanceof java.awt.image.IndexColorModel;
				final long bytes = colour ? 4 : bits > 8 ? 2 : 1; // a palette may become RGB: count it so
				return new long[] { r.getWidth(0), r.getHeight(0), 1, bytes };
			}
			finally {
				r.dispose();
			}
		}
	}
}
