package org.misf.io;

import java.nio.file.Path;

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
		final ImageProcessor ip = mask.getStackSize() == 1 ? mask.getProcessor() : mask.getStack().getProcessor(
			stackIndex);
		final ByteProcessor b = new ByteProcessor(ip.getWidth(), ip.getHeight());
		final byte[] out = (byte[]) b.getPixels();
		if (ip instanceof ColorProcessor || ImagePlanes.isPalette(mask)) {
			final int[] px = (int[]) ip.convertToRGB().getPixels();
			for (int i = 0; i < px.length; i++) {
				final int v = Math.max((px[i] >> 16) & 0xff, Math.max((px[i] >> 8) & 0xff, px[i] & 0xff));
				if (convention.isHole(v)) out[i] = (byte) 255;
			}
		}
		else for (int i = 0; i < out.length; i++)
			if (convention.isHole(ip.getf(i))) out[i] = (byte) 255;
		return b;
	}
}
