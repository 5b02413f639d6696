package org.misf.batch;

import java.io.IOException;
import java.nio.file.Path;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.ByteProcessor;
import ij.process.ImageProcessor;

/**
 * {@code inpaint --save-changes}: next to a result, what the run saw and did, to be looked at rather than
 * read: {@code NAME.holes.png}, the holes as the mask was read (before dilation), and {@code NAME.changed.png},
 * 255 wherever the result differs from the input in any channel or plane.
 */
public final class ChangeImages {

	private ChangeImages() {}

	/** Pixels that differ between two images of the same size and type, as 0/255 (any plane). */
	public static ByteProcessor changed(final ImagePlus before, final ImagePlus after) {
		final ByteProcessor out = new ByteProcessor(before.getWidth(), before.getHeight());
		final byte[] o = (byte[]) out.getPixels();
		final ImageStack a = before.getStack(), b = after.getStack();
		for (int s = 1; s <= a.getSize(); s++) {
			final ImageProcessor pa = a.getProcessor(s), pb = b.getProcessor(s);
			final boolean floats = before.getBitDepth() == 32;
			for (int i = 0; i < o.length; i++)
				if (floats ? Float.compare(pa.getf(i), pb.getf(i)) != 0 : pa.get(i) != pb.get(i)) o[i] = (byte) 255;
		}
		return out;
	}

	/** Writes both images next to {@code output} (verified, never replacing, like results). */
	public static void write(final Path output, final ByteProcessor holes, final ByteProcessor changed) throws IOException {
		final String name = output.getFileName().toString();
		final String base = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
		ResultWriter.write(new ImagePlus("holes", holes), output.resolveSibling(base + ".holes.png"));
		ResultWriter.write(new ImagePlus("changed", changed), output.resolveSibling(base + ".changed.png"));
	}
}
