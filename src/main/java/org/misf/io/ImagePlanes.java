package org.misf.io;

import java.awt.image.IndexColorModel;
import java.util.ArrayList;
import java.util.List;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import ij.process.ImageConverter;
import ij.process.ImageProcessor;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.integer.UnsignedByteType;

import org.misf.core.ChannelPlanes;
import org.misf.model.InpaintingException;

/**
 * ImageJ 1.x images as the engine takes them, for both front-ends: their pixel arrays wrapped as ImgLib2 planes
 * (no copies, so the engine writes the filled holes straight into them). 8-bit, 16-bit and 32-bit planes are gray,
 * an RGB plane gives its red, green and blue, and a stack of 3 slices or channels is one RGB image. An indexed
 * (palette) image holds colour numbers, not intensities: it is converted to RGB, so its colours are filled.
 */
public final class ImagePlanes {

	private ImagePlanes() {}

	/**
	 * Whether the image's values are colour numbers (an indexed-colour image): the one palette rule. A colour table
	 * that is a display ramp (Fire, Spectrum, viridis: data shown in colour, which ImageJ's filters work on) is not a
	 * palette: such an image keeps its values and its table.
	 */
	public static boolean isPalette(final ImagePlus imp) {
		if (imp.getType() == ImagePlus.COLOR_256) return true;
		if (imp.getBitDepth() != 8 || imp.getStackSize() != 1) return false;
		final ImageProcessor ip = imp.getProcessor();
		return ip.isColorLut() && !isRamp(ip);
	}

	/**
	 * A display ramp: what ImageJ calls a pseudo-colour table (small steps from entry to entry) with at least
	 * {@value #RAMP_COLOURS} different colours. ImageJ widens a small palette to 256 entries with black, which its
	 * step test alone would take for a ramp.
	 */
	private static boolean isRamp(final ImageProcessor ip) {
		if (!ip.isPseudoColorLut() || !(ip.getColorModel() instanceof IndexColorModel)) return false;
		final IndexColorModel lut = (IndexColorModel) ip.getColorModel();
		final java.util.Set<Integer> colours = new java.util.HashSet<>();
		for (int i = 0; i < lut.getMapSize(); i++)
			colours.add(lut.getRGB(i));
		return colours.size() >= RAMP_COLOURS;
	}

	private static final int RAMP_COLOURS = 128;

	/**
	 * The planes of a whole image to inpaint in place: one plane, or a stack of 3 (RGB channels). A palette image
	 * is converted to RGB first (in place: {@code imp} then holds the RGB image that is inpainted).
	 */
	public static ChannelPlanes<?> of(final ImagePlus imp) {
		if (isPalette(imp)) new ImageConverter(imp).convertToRGB();
		final int n = imp.getStackSize();
		if (n == 1) return of(imp.getProcessor());
		if (n == 3 && imp.getType() != ImagePlus.COLOR_RGB) {
			final ImageStack stack = imp.getStack();
			return of(stack.getProcessor(1), stack.getProcessor(2), stack.getProcessor(3));
		}
		throw new InpaintingException("The image has " + n +
			" planes; only single images and 3-channel (RGB) stacks are supported.");
	}

	/**
	 * ImageJ planes wrapped without copying: one gray or RGB ({@link ColorProcessor}) plane, or the 3 gray planes
	 * of a channel set.
	 */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	public static ChannelPlanes<?> of(final ImageProcessor... planes) {
		final ImageProcessor first = planes[0];
		if (first instanceof ColorProcessor) {
			if (planes.length != 1) throw new IllegalArgumentException("RGB planes are inpainted one at a time");
			return ChannelPlanes.ofARGB(ArrayImgs.argbs((int[]) first.getPixels(), first.getWidth(), first.getHeight()));
		}
		final List<RandomAccessibleInterval> wrapped = new ArrayList<>();
		for (final ImageProcessor ip : planes)
			wrapped.add(plane(ip));
		return ChannelPlanes.ofPlanes((List) wrapped);
	}

	/** Holes (255, or any non-zero value) as the engine's mask, without copying. */
	public static ArrayImg<UnsignedByteType, ?> mask(final ByteProcessor holes) {
		return ArrayImgs.unsignedBytes((byte[]) holes.getPixels(), holes.getWidth(), holes.getHeight());
	}

	private static RandomAccessibleInterval<?> plane(final ImageProcessor ip) {
		final int w = ip.getWidth(), h = ip.getHeight();
		final Object px = ip.getPixels();
		if (px instanceof byte[]) return ArrayImgs.unsignedBytes((byte[]) px, w, h);
		if (px instanceof short[]) return ArrayImgs.unsignedShorts((short[]) px, w, h);
		if (px instanceof float[]) return ArrayImgs.floats((float[]) px, w, h);
		throw new InpaintingException("This pixel type is not supported here (" + ip.getClass().getSimpleName() + ").");
	}
}
