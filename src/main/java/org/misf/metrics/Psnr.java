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
		double sum = 0;
		long n = 0;
		for (int c = 0; c < a.channels(); c++) {
			final double[] pa = a.plane(c), pb = b.plane(c);
			for (int i = 0; i < pa.length; i++) {
				if (hole != null && !hole.isHole(i)) continue;
				final double d = q.apply(pa[i]) - q.apply(pb[i]);
				sum += d * d;
				n++;
			}
		}
		final double mse = sum / n;
		if (mse == 0) return MAX_DB;
		final double r = q.dataRange();
		return Math.min(MAX_DB, 10 * Math.log10(r * r / mse));
	}
}
