package org.misf.metrics;

/**
 * The paper's L1: mean |a - b| of the values clamped to [0, 1] (not truncated: the authors' code takes it
 * from the clamped float tensors), reported x100 (so 0.726 means a mean error of 0.00726).
 */
public final class MeanAbsoluteError {

	private MeanAbsoluteError() {}

	/** x100, over every pixel of every channel, or over the hole pixels when {@code hole} is given. */
	public static double computeTimes100(final MetricImage a, final MetricImage b, final HoleMask hole) {
		return PixelMeans.mean(a, b, hole, (x, y) -> Math.abs(Quantisation.FLOAT.apply(x) - Quantisation.FLOAT.apply(
			y))) * 100;
	}
}
