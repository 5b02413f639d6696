package org.misf.imagej;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.ByteProcessor;
import ij.process.ImageProcessor;

/**
 * {@code show_changes}: a new 8-bit image, one plane per plane of the image, 255 wherever the inpainting changed
 * a value (any channel of an RGB pixel): what was done, to look at.
 */
final class ChangeView {

	private ChangeView() {}

	static ImagePlus of(final ImageStack before, final ImagePlus after) {
		final ImageStack a = after.getStack();
		final ImageStack out = new ImageStack(after.getWidth(), after.getHeight());
		final boolean floats = after.getBitDepth() == 32;
		for (int s = 1; s <= a.getSize(); s++) {
			final ImageProcessor p = before.getProcessor(s), q = a.getProcessor(s);
			final ByteProcessor c = new ByteProcessor(after.getWidth(), after.getHeight());
			final byte[] px = (byte[]) c.getPixels();
			for (int i = 0; i < px.length; i++)
				if (floats ? Float.compare(p.getf(i), q.getf(i)) != 0 : p.get(i) != q.get(i)) px[i] = (byte) 255;
			out.addSlice(a.getSliceLabel(s), c);
		}
		final ImagePlus imp = new ImagePlus(after.getTitle() + "-changes", out);
		if (after.isHyperStack()) imp.setDimensions(after.getNChannels(), after.getNSlices(), after.getNFrames());
		return imp;
	}
}
