package org.misf.io;

import java.util.ArrayList;
import java.util.List;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import ij.process.ImageConverter;
import ij.process.ImageProcessor;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.ARGBType;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;

import org.misf.core.MaskConvention;
import org.misf.core.ProgressListener;
import org.misf.model.InpaintOptions;
import org.misf.model.InpaintResult;
import org.misf.model.Inpainter;
import org.misf.model.InpaintingException;

/**
 * The io layer between ImageJ 1.x and the engine, used by both front-ends (the CLI and the Fiji commands):
 * inpaints ImageJ 1.x images in place by wrapping their pixel arrays as ImgLib2 images (no copies): 8-bit,
 * 16-bit, 32-bit and RGB; a stack of 3 slices or channels is taken as (x, y, c) RGB. Mask images are read by a
 * {@link MaskConvention} (default: non-zero = hole; RGB masks by their largest channel).
 */
public final class ImagePlusInpainting {

	private ImagePlusInpainting() {}

	/** Inpaints {@code imp} in place, with {@code range} applied to {@code options} for this image. */
	public static InpaintResult inpaint(final Inpainter inpainter, final ImagePlus imp, final ImagePlus mask,
		final MaskConvention convention, final InpaintOptions options, final RangeChoice range,
		final ProgressListener progress)
	{
		// an indexed (palette) image's values are colour numbers, not intensities: fill its colours instead
		if (imp.getType() == ImagePlus.COLOR_256 || imp.getBitDepth() == 8 && imp.getStackSize() == 1 && imp
			.getProcessor().isColorLut()) new ImageConverter(imp).convertToRGB();
		final RandomAccessibleInterval<? extends RealType<?>> m = maskOf(mask, convention);
		final InpaintOptions o = range.applyTo(options, imp);
		final int n = imp.getStackSize();
		if (n == 1) return inpaintPlanes(inpainter, new ImageProcessor[] { imp.getProcessor() }, m, o, progress);
		if (n == 3 && imp.getType() != ImagePlus.COLOR_RGB) {
			final ImageStack stack = imp.getStack();
			return inpaintPlanes(inpainter, new ImageProcessor[] { stack.getProcessor(1), stack.getProcessor(2), stack
				.getProcessor(3) }, m, o, progress);
		}
		throw new InpaintingException("The image has " + n +
			" planes; only single images and 3-channel (RGB) stacks are supported.");
	}

	/**
	 * Inpaints ImageJ planes in place without copying: their pixel arrays are wrapped as ImgLib2 images, so the
	 * engine writes the filled holes straight into them. One plane is a gray (x, y) image or packed RGB; several
	 * planes (a channel set) become one (x, y, c) image. Used by the command line and the ImageJ commands alike.
	 */
	public static InpaintResult inpaintPlanes(final Inpainter inpainter, final ImageProcessor[] planes,
		final RandomAccessibleInterval<? extends RealType<?>> mask, final InpaintOptions options,
		final ProgressListener progress)
	{
		final ImageProcessor first = planes[0];
		if (first instanceof ColorProcessor) {
			if (planes.length != 1) throw new IllegalArgumentException("RGB planes are inpainted one at a time");
			return inpaintARGB(inpainter, ArrayImgs.argbs((int[]) first.getPixels(), first.getWidth(), first
				.getHeight()), mask, options, progress);
		}
		if (planes.length == 1) return inpaintRaw(inpainter, plane(first), mask, options, progress);
		final List<RandomAccessibleInterval<? extends RealType<?>>> wrapped = new ArrayList<>();
		for (final ImageProcessor ip : planes)
			wrapped.add(plane(ip));
		return inpaintRaw(inpainter, stack(wrapped), mask, options, progress);
	}

	/** The mask as a real-valued (x, y) image; its non-zero values are holes. */
	public static RandomAccessibleInterval<? extends RealType<?>> maskOf(final ImagePlus mask) {
		return maskOf(mask, MaskConvention.NON_ZERO);
	}

	/** The holes of a mask image by {@code convention}, as a 0/255 (x, y) image (RGB masks: largest channel). */
	public static RandomAccessibleInterval<? extends RealType<?>> maskOf(final ImagePlus mask,
		final MaskConvention convention)
	{
		return plane(maskProcessor(mask, convention));
	}

	/** The same as an ImageJ processor. */
	public static ImageProcessor maskProcessor(final ImagePlus mask, final MaskConvention convention) {
		if (mask.getStackSize() != 1)
			throw new InpaintingException("The mask has " + mask.getStackSize() + " planes; it must be a single image.");
		final ImageProcessor ip = mask.getProcessor();
		final ByteProcessor b = new ByteProcessor(ip.getWidth(), ip.getHeight());
		final byte[] out = (byte[]) b.getPixels();
		if (ip instanceof ColorProcessor || mask.getType() == ImagePlus.COLOR_256) {
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

	private static RandomAccessibleInterval<? extends RealType<?>> plane(final ImageProcessor ip) {
		final int w = ip.getWidth(), h = ip.getHeight();
		final Object px = ip.getPixels();
		if (px instanceof byte[]) return ArrayImgs.unsignedBytes((byte[]) px, w, h);
		if (px instanceof short[]) return ArrayImgs.unsignedShorts((short[]) px, w, h);
		if (px instanceof float[]) return ArrayImgs.floats((float[]) px, w, h);
		throw new InpaintingException("This pixel type is not supported here (" + ip.getClass().getSimpleName() + ").");
	}

	// ImagePlus pixel types are only known at run time: the generic calls go through raw types here

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static InpaintResult inpaintRaw(final Inpainter inpainter, final RandomAccessibleInterval image,
		final RandomAccessibleInterval mask, final InpaintOptions options, final ProgressListener progress)
	{
		return inpainter.inpaint(image, mask, options, progress);
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static InpaintResult inpaintARGB(final Inpainter inpainter,
		final RandomAccessibleInterval<ARGBType> image, final RandomAccessibleInterval mask,
		final InpaintOptions options, final ProgressListener progress)
	{
		return inpainter.inpaintARGB(image, mask, options, progress);
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static RandomAccessibleInterval stack(final List<RandomAccessibleInterval<? extends RealType<?>>> planes) {
		return Views.stack((List) planes);
	}
}
