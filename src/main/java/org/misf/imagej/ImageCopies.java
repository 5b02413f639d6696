package org.misf.imagej;

import ij.CompositeImage;
import ij.ImagePlus;
import ij.ImageStack;
import ij.Undo;

/**
 * The images <em>MISF Inpaint</em> makes from an image: a whole copy (output "New image"), the colours of a palette
 * image (whose values are colour numbers, io/ImagePlanes), and their titles.
 */
final class ImageCopies {

	private ImageCopies() {}

	/** A copy of every plane with the same dimensions, calibration, display ranges and LUTs. */
	static ImagePlus of(final ImagePlus imp) {
		final ImageStack stack = imp.getStack();
		final ImageStack copy = new ImageStack(imp.getWidth(), imp.getHeight());
		for (int n = 1; n <= stack.getSize(); n++)
			copy.addSlice(stack.getSliceLabel(n), stack.getProcessor(n).duplicate());
		ImagePlus out = imp.createImagePlus();
		out.setStack(copy, imp.getNChannels(), imp.getNSlices(), imp.getNFrames());
		out.setTitle(derivedTitle(imp.getTitle(), "inpainted"));
		if (imp.isHyperStack()) out.setOpenAsHyperStack(true);
		if (imp instanceof CompositeImage) {
			final CompositeImage composite = new CompositeImage(out, ((CompositeImage) imp).getMode());
			composite.setLuts(((CompositeImage) imp).getLuts());
			out = composite;
		}
		else out.setDisplayRange(imp.getDisplayRangeMin(), imp.getDisplayRangeMax());
		out.setPosition(imp.getC(), imp.getZ(), imp.getT());
		return out;
	}

	/** The title of an image made from one titled {@code title}: "mural.png" gives "mural-inpainted.png". */
	static String derivedTitle(final String title, final String what) {
		final int dot = title.lastIndexOf('.');
		return dot > 0 ? title.substring(0, dot) + "-" + what + title.substring(dot) : title + "-" + what;
	}

	/**
	 * A palette image's colours: an RGB copy, with the image's title when it is to be filled in place, else the new
	 * image's title.
	 */
	static ImagePlus inColours(final ImagePlus imp, final boolean inPlace) {
		final ImagePlus rgb = of(imp);
		if (inPlace) rgb.setTitle(imp.getTitle());
		new ij.process.ImageConverter(rgb).convertToRGB();
		return rgb;
	}

	/**
	 * A palette image filled in place becomes the RGB image of its filled colours; Edit › Undo gives a single image
	 * back (ImageJ keeps no copy of a converted stack).
	 */
	static void takeColours(final ImagePlus imp, final ImagePlus rgb) {
		if (imp.getStackSize() == 1) {
			Undo.setup(Undo.TYPE_CONVERSION, imp);
			imp.setProcessor(rgb.getProcessor());
		}
		else {
			Undo.reset();
			imp.setStack(rgb.getStack());
		}
		imp.changes = true;
	}
}
