package org.misf.metrics;

import java.util.function.DoubleBinaryOperator;

/** Means of a per-pixel term over every pixel of every channel, or over the hole pixels only. */
final class PixelMeans {

	private PixelMeans() {}

	/** Mean of {@code term(a, b)} over all channels' pixels ({@code hole} null) or their hole pixels. */
	static double mean(final MetricImage a, final MetricImage b, final HoleMask hole, final DoubleBinaryOperator term) {
		double sum = 0;
		long n = 0;
		for (int c = 0; c < a.channels(); c++) {
			final double[] pa = a.plane(c), pb = b.plane(c);
			for (int i = 0; i < pa.length; i++) {
				if (hole != null && !hole.isHole(i)) continue;
				sum += term.applyAsDouble(pa[i], pb[i]);
				n++;
			}
		}
		return sum / n;
	}
}
