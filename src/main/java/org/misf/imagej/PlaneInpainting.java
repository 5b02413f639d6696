package org.misf.imagej;

import java.util.ArrayList;
import java.util.List;

import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import ij.process.ShortProcessor;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.view.Views;

import org.misf.core.ProgressListener;
import org.misf.model.InpaintOptions;
import org.misf.model.InpaintResult;
import org.misf.model.Inpainter;
import org.misf.model.InpaintingException;

/**
 * Hands ImageJ planes to the engine without copying: the processors' pixel arrays are wrapped as
 * ImgLib2 images, so the engine writes the filled holes straight into them. One plane is a gray
 * (x, y) image (or packed RGB); three planes of a channel set become one (x, y, c) RGB image.
 */
final class PlaneInpainting {

	private PlaneInpainting() {}

	static InpaintResult inpaint(final Inpainter inpainter, final ImageProcessor[] planes, final ByteProcessor mask,
		final InpaintOptions options, final ProgressListener progress)
	{
		final RandomAccessibleInterval<UnsignedByteType> m = ArrayImgs.unsignedBytes((byte[]) mask.getPixels(), mask.getWidth(),
			mask.getHeight());
		final ImageProcessor first = planes[0];
		final int w = first.getWidth(), h = first.getHeight();
		if (first instanceof ColorProcessor) {
			if (planes.length != 1) throw new IllegalArgumentException("RGB planes are inpainted one at a time");
			return inpainter.inpaintARGB(ArrayImgs.argbs((int[]) first.getPixels(), w, h), m, options, progress);
		}
		final List<RandomAccessibleInterval<?>> wrapped = new ArrayList<>();
		for (final ImageProcessor ip : planes)
			wrapped.add(wrap(ip));
		return inpaintReal(inpainter, wrapped, m, options, progress);
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static InpaintResult inpaintReal(final Inpainter inpainter, final List<RandomAccessibleInterval<?>> planes,
		final RandomAccessibleInterval<UnsignedByteType> mask, final InpaintOptions options, final ProgressListener progress)
	{
		final RandomAccessibleInterval image = planes.size() == 1 ? planes.get(0) : Views.stack((List) planes);
		return inpainter.inpaint((RandomAccessibleInterval<RealType>) image, mask, options, progress);
	}

	private static RandomAccessibleInterval<?> wrap(final ImageProcessor ip) {
		final int w = ip.getWidth(), h = ip.getHeight();
		if (ip instanceof ByteProcessor) return ArrayImgs.unsignedBytes((byte[]) ip.getPixels(), w, h);
		if (ip instanceof ShortProcessor) return ArrayImgs.unsignedShorts((short[]) ip.getPixels(), w, h);
		if (ip instanceof FloatProcessor) return ArrayImgs.floats((float[]) ip.getPixels(), w, h);
		throw new InpaintingException("Images of type " + ip.getClass().getSimpleName() + " cannot be inpainted.");
	}

}
