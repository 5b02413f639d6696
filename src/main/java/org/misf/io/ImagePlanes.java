package org.misf.io;

import java.awt.image.IndexColorModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

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
import org.misf.core.MaskConvention;
import org.misf.model.InpaintingException;

/**
 * ImageJ 1.x images as the engine takes them, for both front-ends: the image's planes, and a mask image's holes.
 * <p>
 * An image's pixel arrays are wrapped as ImgLib2 planes (no copies, so the engine writes the filled holes straight
 * into them). 8-bit, 16-bit and 32-bit planes are gray, an RGB plane gives its red, green and blue, and a stack of 3
 * slices or channels is one RGB image. An indexed (palette) image holds colour numbers, not intensities: it is
 * converted to RGB, so its colours are filled.
 * <p>
 * A mask image (a file or an open image) is read as holes: a pixel is a hole where {@link MaskConvention} says so of
 * its value. The value of an RGB pixel, and of a palette (indexed-colour) pixel, is the largest of its colour's red,
 * green and blue; of a gray pixel its value (so a NaN of a 32-bit mask is a hole by the non-zero rule, never one
 * above a threshold). Holes are 255, the rest 0.
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

	/** The holes of a mask file, which must hold a single image ({@link ImageFile#open} reads it). */
	public static ByteProcessor readMask(final Path file, final MaskConvention convention) {
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
		final ImageProcessor ip = maskPlane(mask, stackIndex);
		final ByteProcessor b = new ByteProcessor(ip.getWidth(), ip.getHeight());
		final byte[] out = (byte[]) b.getPixels();
		for (int i = 0; i < out.length; i++)
			if (convention.isHole(maskValue(ip, i))) out[i] = (byte) 255;
		return b;
	}

	/**
	 * The distinct values of plane {@code stackIndex} of a mask image as the mask rule reads them (the largest channel
	 * of a colour), in order, but at most {@code limit}: enough to tell a two-valued mask from a JPEG's many.
	 */
	public static SortedSet<Double> maskValues(final ImagePlus mask, final int stackIndex, final int limit) {
		final ImageProcessor ip = maskPlane(mask, stackIndex);
		final SortedSet<Double> values = new TreeSet<>();
		final int n = ip.getPixelCount();
		for (int i = 0; i < n && values.size() < limit; i++)
			values.add((double) maskValue(ip, i));
		return values;
	}

	/** A mask image's plane, as RGB when it holds colours (RGB, or a palette's colour numbers). */
	private static ImageProcessor maskPlane(final ImagePlus mask, final int stackIndex) {
		final ImageProcessor ip = mask.getStackSize() == 1 ? mask.getProcessor() : mask.getStack().getProcessor(
			stackIndex);
		return ip instanceof ColorProcessor || isPalette(mask) ? ip.convertToRGB() : ip;
	}

	/** A pixel's mask value: the largest of red, green and blue of a colour, else the value itself. */
	private static float maskValue(final ImageProcessor ip, final int i) {
		if (!(ip instanceof ColorProcessor)) return ip.getf(i);
		final int c = ip.get(i);
		return Math.max((c >> 16) & 0xff, Math.max((c >> 8) & 0xff, c & 0xff));
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
