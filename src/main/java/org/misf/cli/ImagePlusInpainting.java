package org.misf.cli;

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

import org.misf.core.ProgressListener;
import org.misf.model.InpaintOptions;
import org.misf.model.InpaintResult;
import org.misf.model.Inpainter;
import org.misf.model.InpaintingException;

/**
 * Inpaints ImageJ 1.x images in place by wrapping their pixel arrays as ImgLib2 images (no copies):
 * 8-bit, 16-bit, 32-bit and RGB; a stack of 3 slices or channels is taken as (x, y, c) RGB.
 * Masks may be any image; non-zero = hole (for RGB masks: any non-zero colour).
 */
final class ImagePlusInpainting {

	private ImagePlusInpainting() {}

	/** Inpaints {@code imp} in place; "display" range mode uses its display range. */
	static InpaintResult inpaint(final Inpainter inpainter, final ImagePlus imp, final ImagePlus mask,
		InpaintOptions options, final boolean displayRange, final ProgressListener progress)
	{
		if (imp.getType() == ImagePlus.COLOR_256) new ImageConverter(imp).convertToRGB();
		final RandomAccessibleInterval<? extends RealType<?>> m = maskOf(mask);
		if (displayRange && imp.getType() != ImagePlus.COLOR_RGB) options = options.withRange(imp.getDisplayRangeMin(),
			imp.getDisplayRangeMax());
		final int n = imp.getStackSize();
		if (n == 1) {
			final ImageProcessor ip = imp.getProcessor();
			if (ip instanceof ColorProcessor) return inpaintARGB(inpainter, ArrayImgs.argbs((int[]) ip.getPixels(), ip
				.getWidth(), ip.getHeight()), m, options, progress);
			return inpaintRaw(inpainter, plane(ip), m, options, progress);
		}
		if (n == 3 && imp.getType() != ImagePlus.COLOR_RGB) {
			final ImageStack stack = imp.getStack();
			final List<RandomAccessibleInterval<? extends RealType<?>>> planes = new ArrayList<>();
			for (int i = 1; i <= 3; i++)
				planes.add(plane(stack.getProcessor(i)));
			return inpaintRaw(inpainter, stack(planes), m, options, progress);
		}
		throw new InpaintingException("The image has " + n +
			" planes; only single images and 3-channel (RGB) stacks are supported.");
	}

	/** The mask as a real-valued (x, y) image. */
	static RandomAccessibleInterval<? extends RealType<?>> maskOf(final ImagePlus mask) {
		if (mask.getStackSize() != 1)
			throw new InpaintingException("The mask has " + mask.getStackSize() + " planes; it must be a single image.");
		ImageProcessor ip = mask.getProcessor();
		if (ip instanceof ColorProcessor || mask.getType() == ImagePlus.COLOR_256) {
			final ImageProcessor rgb = ip.convertToRGB();
			final ByteProcessor b = new ByteProcessor(ip.getWidth(), ip.getHeight());
			final int[] px = (int[]) rgb.getPixels();
			final byte[] out = (byte[]) b.getPixels();
			for (int i = 0; i < px.length; i++)
				out[i] = (byte) ((px[i] & 0xffffff) != 0 ? 255 : 0);
			ip = b;
		}
		return plane(ip);
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
