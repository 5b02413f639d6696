package org.misf.metrics;

/**
 * How to score: quantisation, SSIM window and region. {@link #PAPER} is the MISF paper's protocol
 * (uint8 truncation, scikit-image default SSIM, whole image). Immutable; {@code with...} return copies.
 */
public final class MetricOptions {

	/** The paper protocol: clamp, x255, truncate; 7x7 uniform SSIM; whole image. */
	public static final MetricOptions PAPER = new MetricOptions(Quantisation.UINT8, SsimWindow.UNIFORM_7, false);

	private final Quantisation quantisation;
	private final SsimWindow window;
	private final boolean holeOnly;

	private MetricOptions(final Quantisation quantisation, final SsimWindow window, final boolean holeOnly) {
		this.quantisation = quantisation;
		this.window = window;
		this.holeOnly = holeOnly;
	}

	public Quantisation quantisation() { return quantisation; }

	public SsimWindow ssimWindow() { return window; }

	/**
	 * Whether only hole pixels count: PSNR and L1 over the hole pixels of every channel; SSIM = the full
	 * SSIM map (borders reflected) averaged over the hole pixels, then over channels.
	 */
	public boolean holeOnly() { return holeOnly; }

	public MetricOptions withQuantisation(final Quantisation q) {
		return new MetricOptions(q, window, holeOnly);
	}

	public MetricOptions withSsimWindow(final SsimWindow w) {
		return new MetricOptions(quantisation, w, holeOnly);
	}

	public MetricOptions withHoleOnly(final boolean b) {
		return new MetricOptions(quantisation, window, b);
	}

	/** One line naming every choice, for reports. */
	public String label() {
		return quantisation.label() + "; SSIM " + window.label() + "; " + (holeOnly ? "hole pixels only" :
			"whole image");
	}
}
