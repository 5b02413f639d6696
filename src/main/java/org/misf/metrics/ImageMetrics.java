package org.misf.metrics;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;

/**
 * PSNR, SSIM and L1 of a result against its reference (pure Java; LPIPS is {@link LpipsModel}).
 * Both images must have the same size and channel count; with {@link MetricOptions#holeOnly()} a mask of
 * the same size with at least one hole pixel is required.
 */
public final class ImageMetrics {

	private ImageMetrics() {}

	/** ImgLib2 images, each scaled to [0, 1] by its pixel type (see {@link IntensityScale}); mask may be null. */
	public static <A extends RealType<A>, B extends RealType<B>, M extends RealType<M>> MetricScores compute(
		final RandomAccessibleInterval<A> result, final RandomAccessibleInterval<B> reference,
		final RandomAccessibleInterval<M> mask, final MetricOptions options)
	{
		return compute(MetricImage.of(result), MetricImage.of(reference), mask == null ? null : HoleMask.of(mask),
			options);
	}

	/** LPIPS left NaN; {@code mask} may be null unless the options score the hole only. */
	public static MetricScores compute(final MetricImage result, final MetricImage reference, final HoleMask mask,
		final MetricOptions options)
	{
		checkComparable(result, reference);
		HoleMask region = null;
		if (options.holeOnly()) {
			if (mask == null) throw new MetricsException("Scoring the hole only needs a mask.");
			mask.checkMatches(reference);
			if (mask.holeCount() == 0) throw new MetricsException(
				"The mask has no hole pixels, so there is nothing to score in the hole.");
			region = mask;
		}
		final Quantisation q = options.quantisation();
		return new MetricScores(Psnr.compute(result, reference, region, q),
			Ssim.compute(result, reference, region, q, options.ssimWindow()),
			MeanAbsoluteError.computeTimes100(result, reference, region), Double.NaN);
	}

	/** Throws a one-sentence {@link MetricsException} unless sizes and channel counts agree. */
	public static void checkComparable(final MetricImage result, final MetricImage reference) {
		if (result.width() != reference.width() || result.height() != reference.height())
			throw new MetricsException("The result is " + result.sizeText() + " but the reference is " +
				reference.sizeText() + ": they must have the same size.");
		if (result.channels() != reference.channels()) throw new MetricsException("The result has " +
			channelText(result) + " but the reference has " + channelText(reference) + ".");
	}

	private static String channelText(final MetricImage m) {
		return m.channels() == 1 ? "1 channel (gray)" : m.channels() + " channels";
	}
}
