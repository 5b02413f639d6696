package org.misf.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.converter.Converters;
import net.imglib2.type.numeric.ARGBType;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.view.Views;

/**
 * An image seen as 1 or 3 writable 2D planes (x, y) starting at 0, 0: {@code (x, y)} is one gray plane,
 * {@code (x, y, c)} with c = 1 or 3 gives 1 or 3 planes, ARGB gives its red, green and blue channels
 * (alpha is kept as it is).
 */
public final class ChannelPlanes<T extends RealType<T>> {

	private final List<RandomAccessibleInterval<T>> planes;

	private ChannelPlanes(final List<RandomAccessibleInterval<T>> planes) {
		this.planes = Collections.unmodifiableList(planes);
	}

	/** Planes of a gray {@code (x, y)} or channel {@code (x, y, c)} image with 1 or 3 channels. */
	public static <T extends RealType<T>> ChannelPlanes<T> of(final RandomAccessibleInterval<T> image) {
		final RandomAccessibleInterval<T> img = Views.zeroMin(image);
		final List<RandomAccessibleInterval<T>> planes = new ArrayList<>();
		if (img.numDimensions() == 2) planes.add(img);
		else if (img.numDimensions() == 3 && (img.dimension(2) == 1 || img.dimension(2) == 3)) {
			for (long c = 0; c < img.dimension(2); c++)
				planes.add(Views.hyperSlice(img, 2, c));
		}
		else throw new BadInputException("The image must be 2D gray (x, y) or have 1 or 3 channels (x, y, c), not " +
			describe(img) + ".");
		return new ChannelPlanes<>(planes);
	}

	/** Planes given one by one: 1 (gray) or 3 (RGB) of the same size, e.g. the channels of an ImageJ channel set. */
	public static <T extends RealType<T>> ChannelPlanes<T> ofPlanes(
		final List<? extends RandomAccessibleInterval<T>> planes)
	{
		if (planes.size() != 1 && planes.size() != 3) throw new BadInputException("An image needs 1 or 3 channels, not " +
			planes.size() + ".");
		final List<RandomAccessibleInterval<T>> zeroMin = new ArrayList<>();
		for (final RandomAccessibleInterval<T> p : planes) {
			if (p.numDimensions() != 2 || p.dimension(0) != planes.get(0).dimension(0) || p.dimension(1) != planes.get(0)
				.dimension(1)) throw new BadInputException("The channels must be 2D planes of one size, not " + describe(
					p) + ".");
			zeroMin.add(Views.zeroMin(p));
		}
		return new ChannelPlanes<>(zeroMin);
	}

	/** The red, green and blue planes of a packed ARGB image (x, y). */
	public static ChannelPlanes<UnsignedByteType> ofARGB(final RandomAccessibleInterval<ARGBType> image) {
		if (image.numDimensions() != 2)
			throw new BadInputException("An ARGB image must be 2D (x, y), not " + describe(image) + ".");
		final RandomAccessibleInterval<ARGBType> img = Views.zeroMin(image);
		final List<RandomAccessibleInterval<UnsignedByteType>> planes = new ArrayList<>();
		for (int c = 1; c <= 3; c++)
			planes.add(Converters.convert(img, new ArgbChannelConverter(c)));
		return new ChannelPlanes<>(planes);
	}

	public int count() { return planes.size(); }

	public RandomAccessibleInterval<T> plane(final int c) { return planes.get(c); }

	public long width() { return planes.get(0).dimension(0); }

	public long height() { return planes.get(0).dimension(1); }

	/** A sample of the pixel type. */
	public T type() { return planes.get(0).getType(); }

	static String describe(final RandomAccessibleInterval<?> img) {
		final StringBuilder sb = new StringBuilder();
		for (int d = 0; d < img.numDimensions(); d++)
			sb.append(d == 0 ? "" : "x").append(img.dimension(d));
		return sb.toString();
	}
}
