package org.misf.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import ij.IJ;
import ij.ImagePlus;

import org.misf.model.InpaintingException;

/**
 * Reads an image file (an image to inpaint or a mask image) with ImageJ, for both front-ends: refuses files whose
 * pixels ImageJ would change or drop without a word (transparency, TIFF pages of 2 or more than 3 samples), and
 * keeps ImageJ's own messages and dialogs from the user ({@link QuietImageJ}), who gets one sentence per bad file.
 */
public final class ImageFile {

	private ImageFile() {}

	/** Opens a file, or says in one sentence (starting "the file ...") why it cannot be inpainted faithfully. */
	public static ImagePlus open(final Path p) {
		if (!Files.isRegularFile(p)) throw new InpaintingException("the file " + p + " does not exist.");
		final String lower = p.getFileName().toString().toLowerCase(Locale.ROOT);
		if (lower.endsWith(".png") && hasTransparency(p))
			throw new InpaintingException("the file " + p + " has transparent pixels (alpha below 255), which ImageJ " +
				"would flatten and drop; remove the transparency first (nothing was written).");
		final int samples = lower.endsWith(".tif") || lower.endsWith(".tiff") ? TiffSamples.of(p) : 1;
		if (samples == 2 || samples > 3) throw new InpaintingException("the file " + p + " has " + samples +
			" samples per pixel (channels in one TIFF page" + (samples == 4 ? ", e.g. RGB with alpha" : "") +
			"), of which ImageJ would keep only some without a word; save it as one page per channel or as RGB first " +
			"(nothing was written).");
		final ImagePlus imp = QuietImageJ.call(() -> IJ.openImage(p.toString()));
		if (imp == null) throw new InpaintingException("the file " + p + " cannot be opened as an image.");
		return imp;
	}

	/** Whether a PNG has an alpha channel with any value below 255. */
	private static boolean hasTransparency(final Path p) {
		try {
			final java.awt.image.BufferedImage b = javax.imageio.ImageIO.read(p.toFile());
			if (b == null || !b.getColorModel().hasAlpha()) return false;
			final java.awt.image.Raster alpha = b.getAlphaRaster();
			if (alpha == null) return false;
			for (int y = 0; y < b.getHeight(); y++)
				for (int x = 0; x < b.getWidth(); x++)
					if (alpha.getSample(x, y, 0) < (1 << alpha.getSampleModel().getSampleSize(0)) - 1) return true;
			return false;
		}
		catch (final IOException | RuntimeException e) {
			return false; // ImageJ's reader says what is wrong with the file
		}
	}

}
