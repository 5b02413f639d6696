package org.misf.metrics;

import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileSaver;
import ij.io.Opener;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;

import java.io.File;
import java.nio.file.Path;

import net.imglib2.img.array.ArrayImgs;

/**
 * Reads image and mask files with ImageJ 1.x ({@code IJ.openImage}, works headless) and wraps their pixel
 * arrays as ImgLib2 images. Raw pixel values count (LUTs are ignored, except that indexed-colour images are
 * converted to RGB); [0, 1] is reached by bit depth: 8-bit and RGB / 255, 16-bit / 65535, 32-bit as stored.
 * A stack of slices is read as channels {@code (x, y, c)} (e.g. a float RGB image as a 3-slice stack).
 */
public final class ImageFiles {

	private ImageFiles() {}

	/** The image in a file, or a {@link MetricsException} naming the file. */
	public static MetricImage read(final Path file) {
		return read(file, null);
	}

	/**
	 * The image in a file with an explicit scale to [0, 1] for gray data (null: by bit depth, see the class
	 * comment); RGB is always / 255.
	 */
	public static MetricImage read(final Path file, final IntensityScale scale) {
		final ImagePlus imp = open(file);
		final int w = imp.getWidth(), h = imp.getHeight(), c = imp.getStackSize();
		final ImageStack stack = imp.getStack();
		switch (imp.getType()) {
			case ImagePlus.COLOR_RGB:
				if (c != 1) throw new MetricsException("'" + file.getFileName() + "' is an RGB stack of " + c +
					" slices; only single RGB images can be scored.");
				return MetricImage.ofARGB(ArrayImgs.argbs((int[]) imp.getProcessor().getPixels(), w, h));
			case ImagePlus.GRAY8:
			case ImagePlus.COLOR_256: {
				if (imp.getProcessor().isColorLut() && c == 1) {
					final ColorProcessor rgb = imp.getProcessor().convertToColorProcessor();
					return MetricImage.ofARGB(ArrayImgs.argbs((int[]) rgb.getPixels(), w, h));
				}
				final byte[] all = new byte[w * h * c];
				for (int s = 0; s < c; s++)
					System.arraycopy(stack.getPixels(s + 1), 0, all, s * w * h, w * h);
				return MetricImage.of(ArrayImgs.unsignedBytes(all, w, h, c), scale == null ? IntensityScale.UINT8 : scale);
			}
			case ImagePlus.GRAY16: {
				final short[] all = new short[w * h * c];
				for (int s = 0; s < c; s++)
					System.arraycopy(stack.getPixels(s + 1), 0, all, s * w * h, w * h);
				return MetricImage.of(ArrayImgs.unsignedShorts(all, w, h, c), scale == null ? IntensityScale.UINT16 :
					scale);
			}
			case ImagePlus.GRAY32: {
				final float[] all = new float[w * h * c];
				for (int s = 0; s < c; s++)
					System.arraycopy(stack.getPixels(s + 1), 0, all, s * w * h, w * h);
				return MetricImage.of(ArrayImgs.floats(all, w, h, c), scale == null ? IntensityScale.UNIT : scale);
			}
			default:
				throw new MetricsException("'" + file.getFileName() + "' has a pixel type that cannot be scored.");
		}
	}

	/** A mask file: a pixel is a hole when its value (any channel) is non-zero. */
	public static HoleMask readMask(final Path file) {
		final MetricImage m = read(file);
		return HoleMask.fromImage(m);
	}

	private static ImagePlus open(final Path file) {
		final File f = file.toFile();
		if (!f.isFile()) throw new MetricsException("'" + file + "' does not exist or is not a file.");
		if (!f.canRead()) throw new MetricsException("'" + file + "' cannot be read (permissions).");
		final ImagePlus imp;
		try {
			// checked first: for unknown types IJ.openImage would print its own message on stdout
			if (new Opener().getFileType(f.getAbsolutePath()) == Opener.UNKNOWN) imp = null;
			else imp = IJ.openImage(f.getAbsolutePath());
		}
		catch (final RuntimeException e) {
			throw new MetricsException("'" + file.getFileName() + "' could not be read as an image (" + e + ").", e);
		}
		if (imp == null) throw new MetricsException("'" + file.getFileName() +
			"' could not be read as an image (unsupported or damaged file).");
		return imp;
	}

	/**
	 * Writes an image so that reading it back gives the same values: 8-bit data as an 8-bit (gray or RGB)
	 * TIFF, anything else as a 32-bit float TIFF (one slice per channel).
	 */
	public static void write(final MetricImage image, final Path file) {
		if (image.scale().levels() != 255 || (image.channels() != 1 && image.channels() != 3)) {
			writeFloatTiff(image, file);
			return;
		}
		final int n = image.width() * image.height();
		final ImageProcessor ip;
		if (image.channels() == 3) {
			final int[] px = new int[n];
			for (int i = 0; i < n; i++)
				px[i] = 0xff000000 | byteOf(image.plane(0)[i]) << 16 | byteOf(image.plane(1)[i]) << 8 |
					byteOf(image.plane(2)[i]);
			ip = new ColorProcessor(image.width(), image.height(), px);
		}
		else {
			final byte[] px = new byte[n];
			for (int i = 0; i < n; i++)
				px[i] = (byte) byteOf(image.plane(0)[i]);
			ip = new ij.process.ByteProcessor(image.width(), image.height(), px);
		}
		save(new ImagePlus(file.getFileName().toString(), ip), file);
	}

	private static int byteOf(final double unit) {
		return (int) Math.round(unit * 255);
	}

	/** Writes [0, 1] values as a 32-bit float TIFF (one slice per channel), so nothing is rounded. */
	public static void writeFloatTiff(final MetricImage image, final Path file) {
		final ImageStack stack = new ImageStack(image.width(), image.height());
		for (int c = 0; c < image.channels(); c++) {
			final double[] p = image.plane(c);
			final float[] f = new float[p.length];
			for (int i = 0; i < p.length; i++)
				f[i] = (float) p[i];
			stack.addSlice("c" + (c + 1), new FloatProcessor(image.width(), image.height(), f));
		}
		save(new ImagePlus(file.getFileName().toString(), stack), file);
	}

	/** Writes a mask as an 8-bit image, 255 = hole. */
	public static void writeMask(final HoleMask mask, final Path file) {
		final byte[] b = new byte[mask.width() * mask.height()];
		for (int i = 0; i < b.length; i++)
			b[i] = (byte) (mask.isHole(i) ? 255 : 0);
		final ImageProcessor ip = new ij.process.ByteProcessor(mask.width(), mask.height(), b);
		save(new ImagePlus(file.getFileName().toString(), ip), file);
	}

	private static void save(final ImagePlus imp, final Path file) {
		final String name = file.getFileName().toString().toLowerCase();
		final FileSaver saver = new FileSaver(imp);
		final boolean ok = name.endsWith(".png") ? saver.saveAsPng(file.toString()) :
			imp.getStackSize() > 1 ? saver.saveAsTiffStack(file.toString()) : saver.saveAsTiff(file.toString());
		if (!ok) throw new MetricsException("Could not write '" + file + "'.");
	}
}
