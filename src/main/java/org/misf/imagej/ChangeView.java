package org.misf.imagej;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import ij.process.ImageProcessor;

/**
 * {@code show_changes}: a new 8-bit image, one plane per plane of the image, 255 wherever the inpainting changed
 * a value (any channel of an RGB pixel; the colours of a palette image): what was done, to look at. It is named
 * like the new image, after the image: "mural.png" gives "mural-changes.png".
 */
final class ChangeView {

	private ChangeView() {}

	/** @param title the title of the image before the run */
	static ImagePlus of(final ImageStack before, final ImagePlus after, final String title) {
		final ImageStack a = after.getStack();
		final ImageStack out = new ImageStack(after.getWidth(), after.getHeight());
		final boolean floats = after.getBitDepth() == 32;
		for (int s = 1; s <= a.getSize(); s++) {
			final ImageProcessor q = a.getProcessor(s);
			final ImageProcessor p = q instanceof ColorProcessor ? before.getProcessor(s).convertToRGB() : before
				.getProcessor(s);
			final ByteProcessor c = new ByteProcessor(after.getWidth(), after.getHeight());
			final byte[] px = (byte[]) c.getPixels();
			for (int i = 0; i < px.length; i++)
				if (floats ? Float.compare(p.getf(i), q.getf(i)) != 0 : p.get(i) != q.get(i)) px[i] = (byte) 255;
			out.addSlice(a.getSliceLabel(s), c);
		}
		final ImagePlus imp = new ImagePlus(ImageCopies.derivedTitle(title, "changes"), out);
		if (after.isHyperStack()) imp.setDimensions(after.getNChannels(), after.getNSlices(), after.getNFrames());
		return imp;
	}
}
