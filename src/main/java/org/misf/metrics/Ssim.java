package org.misf.metrics;

/**
 * Structural similarity exactly as scikit-image 0.19's {@code structural_similarity}: K1 0.01, K2 0.03,
 * data range from the {@link Quantisation}, local statistics from a separable window ({@link SsimWindow};
 * borders reflected like scipy.ndimage's 'reflect' mode), the SSIM map averaged without a border of
 * {@code (window - 1) / 2} pixels, per channel, then averaged over channels.
 * <p>
 * Hole-only: the full map (borders included) averaged over the hole pixels, then over channels.
 */
public final class Ssim {

	static final double K1 = 0.01, K2 = 0.03;

	private Ssim() {}

	public static double compute(final MetricImage a, final MetricImage b, final HoleMask hole,
		final Quantisation q, final SsimWindow window)
	{
		final int w = a.width(), h = a.height();
		if (w < window.size() || h < window.size()) throw new MetricsException("SSIM with a " + window.size() +
			"x" + window.size() + " window needs images of at least that size; these are " + a.sizeText() + ".");
		double total = 0;
		for (int c = 0; c < a.channels(); c++) {
			final double[] map = map(quantise(a.plane(c), q), quantise(b.plane(c), q), w, h, q.dataRange(), window);
			total += hole == null ? croppedMean(map, w, h, (window.size() - 1) / 2) : holeMean(map, hole);
		}
		return total / a.channels();
	}

	private static double[] quantise(final double[] p, final Quantisation q) {
		final double[] out = new double[p.length];
		for (int i = 0; i < p.length; i++)
			out[i] = q.apply(p[i]);
		return out;
	}

	/** The SSIM map of one channel. */
	static double[] map(final double[] x, final double[] y, final int w, final int h, final double range,
		final SsimWindow window)
	{
		final double[] wt = window.weights();
		final int n = x.length;
		final double[] xx = new double[n], yy = new double[n], xy = new double[n];
		for (int i = 0; i < n; i++) {
			xx[i] = x[i] * x[i];
			yy[i] = y[i] * y[i];
			xy[i] = x[i] * y[i];
		}
		final double[] ux = filter(x, w, h, wt), uy = filter(y, w, h, wt);
		final double[] uxx = filter(xx, w, h, wt), uyy = filter(yy, w, h, wt), uxy = filter(xy, w, h, wt);
		final double np = window.size() * (double) window.size();
		final double covNorm = window.isGaussian() ? 1.0 : np / (np - 1);
		final double c1 = (K1 * range) * (K1 * range), c2 = (K2 * range) * (K2 * range);
		final double[] s = new double[n];
		for (int i = 0; i < n; i++) {
			final double vx = covNorm * (uxx[i] - ux[i] * ux[i]);
			final double vy = covNorm * (uyy[i] - uy[i] * uy[i]);
			final double vxy = covNorm * (uxy[i] - ux[i] * uy[i]);
			final double a1 = 2 * ux[i] * uy[i] + c1, a2 = 2 * vxy + c2;
			final double b1 = ux[i] * ux[i] + uy[i] * uy[i] + c1, b2 = vx + vy + c2;
			s[i] = a1 * a2 / (b1 * b2);
		}
		return s;
	}

	/** Separable correlation with reflected borders: along y (scipy's axis 0) first, then along x. */
	private static double[] filter(final double[] in, final int w, final int h, final double[] wt) {
		final int r = wt.length / 2;
		final double[] tmp = new double[in.length], out = new double[in.length];
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				double sum = 0;
				for (int k = -r; k <= r; k++)
					sum += wt[k + r] * in[reflect(y + k, h) * w + x];
				tmp[y * w + x] = sum;
			}
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				double sum = 0;
				for (int k = -r; k <= r; k++)
					sum += wt[k + r] * tmp[y * w + reflect(x + k, w)];
				out[y * w + x] = sum;
			}
		return out;
	}

	/** scipy.ndimage 'reflect' (d c b a | a b c d | d c b a); one reflection suffices as the window fits. */
	private static int reflect(final int i, final int n) {
		return i < 0 ? -i - 1 : i >= n ? 2 * n - i - 1 : i;
	}

	private static double croppedMean(final double[] map, final int w, final int h, final int pad) {
		double sum = 0;
		for (int y = pad; y < h - pad; y++)
			for (int x = pad; x < w - pad; x++)
				sum += map[y * w + x];
		return sum / ((double) (w - 2 * pad) * (h - 2 * pad));
	}

	private static double holeMean(final double[] map, final HoleMask hole) {
		double sum = 0;
		for (int i = 0; i < map.length; i++)
			if (hole.isHole(i)) sum += map[i];
		return sum / hole.holeCount();
	}
}
