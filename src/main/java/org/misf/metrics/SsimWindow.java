package org.misf.metrics;

/** The SSIM window: scikit-image's default (the paper protocol) or Wang et al. 2004's Gaussian. */
public enum SsimWindow {

	/** scikit-image default: 7x7 uniform window, sample covariance (N / (N - 1)). */
	UNIFORM_7("7x7 uniform window, sample covariance (scikit-image default)", 7, false),
	/** Wang et al. 2004: Gaussian sigma 1.5 truncated at 3.5 sigma (11x11), population covariance. */
	GAUSSIAN_11("11x11 Gaussian window sigma 1.5, population covariance (Wang et al. 2004)", 11, true);

	/** Gaussian standard deviation and truncation, as scikit-image / scipy.ndimage use them. */
	static final double SIGMA = 1.5, TRUNCATE = 3.5;

	private final String label;
	private final int size;
	private final boolean gaussian;

	SsimWindow(final String label, final int size, final boolean gaussian) {
		this.label = label;
		this.size = size;
		this.gaussian = gaussian;
	}

	public String label() { return label; }

	/** Window side; the SSIM map's border of {@code (size - 1) / 2} is left out of the mean. */
	public int size() { return size; }

	public boolean isGaussian() { return gaussian; }

	/** Normalised 1D weights of the separable window, offsets {@code -r..r}. */
	double[] weights() {
		final int r = (size - 1) / 2;
		final double[] w = new double[size];
		if (!gaussian) {
			java.util.Arrays.fill(w, 1.0 / size);
			return w;
		}
		double sum = 0;
		for (int i = -r; i <= r; i++) {
			w[i + r] = Math.exp(-0.5 / (SIGMA * SIGMA) * i * i);
			sum += w[i + r];
		}
		for (int i = 0; i < size; i++)
			w[i] /= sum;
		return w;
	}

	/** Parses "uniform" / "default" or "gaussian" / "wang". */
	public static SsimWindow parse(final String s) {
		switch (s.trim().toLowerCase()) {
			case "uniform": case "default": case "skimage": return UNIFORM_7;
			case "gaussian": case "gauss": case "wang": return GAUSSIAN_11;
			default: throw new MetricsException("Unknown SSIM window '" + s + "': use uniform or gaussian.");
		}
	}
}
