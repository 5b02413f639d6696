package org.misf.io;

import java.nio.file.Path;
import java.util.SortedSet;
import java.util.TreeSet;

import ij.ImagePlus;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import ij.process.ImageProcessor;

import org.misf.core.MaskConvention;
import org.misf.model.InpaintingException;

/**
 * Reads a mask image (a file or an open image) as holes, for both front-ends: a pixel is a hole where
 * {@link MaskConvention} says so of its value. The value of an RGB pixel, and of a palette (indexed-colour) pixel,
 * is the largest of its colour's red, green and blue; of a gray pixel its value (so a NaN of a 32-bit mask is a
 * hole by the non-zero rule, never one above a threshold). Holes are 255, the rest 0.
 */
public final class MaskImage {

	private MaskImage() {}

	/** The holes of a mask file, which must hold a single image ({@link ImageFile#open} reads it). */
	public static ByteProcessor read(final Path file, final MaskConvention convention) {
		return holes(ImageFile.open(file), convention);
	}

	/** The holes of a single-plane mask image. */
	public static ByteProcessor holes(final ImagePlus mask, final MaskConvention convention) {
		if (mask.getStackSize() != 1)
			throw new InpaintingException("The mask has " + mask.getStackSize() + " planes; it must be a single image.");
		return holes(mask, 1, convention);
	}

	/** The holes of plane {@code stackIndex} (1-based) of a mask image. */
	public static ByteProcessor holes(final ImagePlus mask, final int stackIndex, final MaskConvention convention) {
		final ImageProcessor ip = plane(mask, stackIndex);
		final ByteProcessor b = new ByteProcessor(ip.getWidth(), ip.getHeight());
		final byte[] out = (byte[]) b.getPixels();
		for (int i = 0; i < out.length; i++)
			if (convention.isHole(value(ip, i))) out[i] = (byte) 255;
		return b;
	}

	/**
	 * The distinct values of plane {@code stackIndex} as the mask rule reads them (the largest channel of a colour),
	 * in order, but at most {@code limit}: enough to tell a two-valued mask from a JPEG's many.
	 */
	public static SortedSet<Double> values(final ImagePlus mask, final int stackIndex, final int limit) {
		final ImageProcessor ip = plane(mask, stackIndex);
		final SortedSet<Double> values = new TreeSet<>();
		final int n = ip.getPixelCount();
		for (int i = 0; i < n && values.size() < limit; i++)
			values.add((double) value(ip, i));
		return values;
	}

	/** The plane, as RGB when it holds colours (RGB, or a palette's colour numbers). */
	private static ImageProcessor plane(final ImagePlus mask, final int stackIndex) {
		final ImageProcessor ip = mask.getStackSize() == 1 ? mask.getProcessor() : mask.getStack().getProcessor(
			stackIndex);
		return ip instanceof ColorProcessor || ImagePlanes.isPalette(mask) ? ip.convertToRGB() : ip;
	}

	/** A pixel's mask value: the largest of red, green and blue of a colour, else the value itself. */
	private static float value(final ImageProcessor ip, final int i) {
		if (!(ip instanceof ColorProcessor)) return ip.getf(i);
		final int c = ip.get(i);
		return Math.max((c >> 16) & 0xff, Math.max((c >> 8) & 0xff, c & 0xff));
	}
}
