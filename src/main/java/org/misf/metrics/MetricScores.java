package org.misf.metrics;

/** PSNR (dB), SSIM, L1 (x100) and LPIPS of one result against its reference; LPIPS is NaN when not measured. */
public final class MetricScores {

	private final double psnr;
	private final double ssim;
	private final double l1;
	private final double lpips;

	public MetricScores(final double psnr, final double ssim, final double l1, final double lpips) {
		this.psnr = psnr;
		this.ssim = ssim;
		this.l1 = l1;
		this.lpips = lpips;
	}

	public double psnr() { return psnr; }

	public double ssim() { return ssim; }

	/** Mean absolute error on [0, 1] x 100. */
	public double l1() { return l1; }

	/** NaN when LPIPS was not measured. */
	public double lpips() { return lpips; }

	public MetricScores withLpips(final double value) {
		return new MetricScores(psnr, ssim, l1, value);
	}

	/** The value of a metric by its position in {@link Metric#values()}. */
	public double get(final Metric m) {
		switch (m) {
			case PSNR: return psnr;
			case SSIM: return ssim;
			case L1: return l1;
			default: return lpips;
		}
	}

	/** The four metrics in the paper's Table 2 order. */
	public enum Metric {
		PSNR("PSNR", "↑", "%.3f"), SSIM("SSIM", "↑", "%.4f"), L1("L1 (%)", "↓", "%.3f"), LPIPS("LPIPS", "↓", "%.4f");

		private final String title;
		private final String arrow;
		private final String format;

		Metric(final String title, final String arrow, final String format) {
			this.title = title;
			this.arrow = arrow;
			this.format = format;
		}

		public String title() { return title; }

		/** ↑ higher is better, ↓ lower is better. */
		public String arrow() { return arrow; }

		/** The number of decimals the paper prints. */
		public String format(final double v) {
			return Double.isNaN(v) ? "-" : String.format(java.util.Locale.ROOT, format, v);
		}
	}
}
