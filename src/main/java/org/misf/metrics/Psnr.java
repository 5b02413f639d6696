package org.misf.metrics;

/**
 * Peak signal-to-noise ratio as scikit-image's {@code peak_signal_noise_ratio} with the quantisation's data
 * range: {@code 10 log10(R^2 / MSE)}, capped at 100 dB (identical images give 100, as in the authors' code).
 */
public final class Psnr {

	/** The cap, in dB. */
	public static final double MAX_DB = 100;

	private Psnr() {}

	/** Over every pixel of every channel, or over the hole pixels when {@code hole} is given. */
	public static double compute(final MetricImage a, final MetricImage b, final HoleMask hole,
		final Quantisation q)
	{
		final double mse = PixelMeans.mean(a, b, hole, (x, y) -> {
			final double d = q.apply(x) - q.apply(y);
			return d * d;
		});
		if (mse == 0) return MAX_DB;
		final double r = q.dataRange();
		return Math.min(MAX_DB, 10 * Math.log10(r * r / mse));
	}
}
