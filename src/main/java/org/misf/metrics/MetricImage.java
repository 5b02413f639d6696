package org.misf.metrics;

import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.type.numeric.ARGBType;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.util.Util;
import net.imglib2.view.Views;

/**
 * An image as the metrics see it: {@code channels} planes of doubles on the [0, 1] scale (not clamped yet),
 * row-major ({@code index = y * width + x}). Made from ImgLib2 images with an explicit {@link IntensityScale}.
 * Immutable by convention: the planes are not copied out, callers must not change them.
 */
public final class MetricImage {

	private final int width;
	private final int height;
	private final double[][] planes;
	private final IntensityScale scale;

	public MetricImage(final int width, final int height, final double[][] planes, final IntensityScale scale) {
		this.width = width;
		this.height = height;
		this.planes = planes;
		this.scale = scale;
	}

	/** Gray {@code (x, y)} or channels {@code (x, y, c)}, scaled by the pixel type's default (see {@link IntensityScale}). */
	public static <T extends RealType<T>> MetricImage of(final RandomAccessibleInterval<T> image) {
		return of(image, IntensityScale.forType(Util.getTypeFromInterval(image)));
	}

	/** Gray {@code (x, y)} or channels {@code (x, y, c)} with an explicit scale to [0, 1]. */
	public static <T extends RealType<T>> MetricImage of(final RandomAccessibleInterval<T> image,
		final IntensityScale scale)
	{
		final int n = image.numDimensions();
		if (n != 2 && n != 3) throw new MetricsException("Images must be (x, y) or (x, y, channel), not " + n +
			"-dimensional.");
		final int w = size(image, 0), h = size(image, 1);
		final int c = n == 3 ? size(image, 2) : 1;
		final double[][] planes = new double[c][w * h];
		for (int ch = 0; ch < c; ch++) {
			final RandomAccessibleInterval<T> plane = n == 3 ? Views.hyperSlice(image, 2, image.min(2) + ch) : image;
			final Cursor<T> cursor = Views.flatIterable(plane).cursor();
			final double[] p = planes[ch];
			for (int i = 0; cursor.hasNext(); i++)
				p[i] = scale.toUnit(cursor.next().getRealDouble());
		}
		return new MetricImage(w, h, planes, scale);
	}

	/** Packed RGB (ImageJ's COLOR_RGB): three channels, each / 255. */
	public static MetricImage ofARGB(final RandomAccessibleInterval<ARGBType> image) {
		if (image.numDimensions() != 2) throw new MetricsException("Packed RGB images must be (x, y).");
		final int w = size(image, 0), h = size(image, 1);
		final double[][] planes = new double[3][w * h];
		final Cursor<ARGBType> cursor = Views.flatIterable(image).cursor();
		for (int i = 0; cursor.hasNext(); i++) {
			final int v = cursor.next().get();
			planes[0][i] = ARGBType.red(v) / 255.0;
			planes[1][i] = ARGBType.green(v) / 255.0;
			planes[2][i] = ARGBType.blue(v) / 255.0;
		}
		return new MetricImage(w, h, planes, IntensityScale.UINT8);
	}

	private static int size(final RandomAccessibleInterval<?> image, final int d) {
		final long s = image.dimension(d);
		if (s > Integer.MAX_VALUE / 4) throw new MetricsException("The image is too large for the metrics.");
		return (int) s;
	}

	public int width() { return width; }

	public int height() { return height; }

	public int channels() { return planes.length; }

	/** Plane {@code c}, row-major; do not modify. */
	public double[] plane(final int c) { return planes[c]; }

	/** The scale the values came through (its {@link IntensityScale#levels()} tells 8-/16-bit data). */
	public IntensityScale scale() { return scale; }

	public String sizeText() {
		return width + "x" + height;
	}

	/** Three channels: gray is repeated (as the authors' test did with gray2rgb), RGB is returned as is. */
	public MetricImage rgb() {
		if (channels() == 3) return this;
		if (channels() != 1) throw new MetricsException("Expected a gray or RGB image, not one with " +
			channels() + " channels.");
		return new MetricImage(width, height, new double[][] { planes[0], planes[0], planes[0] }, scale);
	}

	/** A float {@code (x, y, c)} copy on the [0, 1] scale (for the inpainting network). */
	public ArrayImg<FloatType, FloatArray> toFloatImg() {
		final float[] data = new float[planes.length * width * height];
		int k = 0;
		for (final double[] p : planes)
			for (final double v : p)
				data[k++] = (float) v;
		return ArrayImgs.floats(data, width, height, planes.length);
	}
}
