package org.misf.metrics;

/**
 * What happens to [0, 1] values before PSNR and SSIM. Every mode first clamps to [0, 1].
 * The paper protocol ({@link #UINT8}) then multiplies by 255 and truncates to an integer, as the MISF
 * authors did ({@code (x.clamp(0, 1) * 255).astype(uint8)}); the data range is then 255.
 */
public enum Quantisation {

	/** Paper protocol: x255, truncated; data range 255. */
	UINT8("paper protocol (clamp, x255, truncate to uint8)", 255),
	/** 16-bit data range: x65535, truncated; data range 65535. */
	UINT16("16-bit (clamp, x65535, truncate to uint16)", 65535),
	/** No truncation: clamped [0, 1] values, data range 1. */
	FLOAT("float (clamp to [0,1], no truncation)", 0);

	private final String label;
	private final int levels;

	Quantisation(final String label, final int levels) {
		this.label = label;
		this.levels = levels;
	}

	/** The clamped, possibly truncated value. */
	public double apply(final double unit) {
		final double c = unit < 0 ? 0 : unit > 1 ? 1 : unit; // NaN stays NaN
		return levels == 0 ? c : Math.floor(c * levels);
	}

	/** PSNR's peak and SSIM's data range. */
	public double dataRange() {
		return levels == 0 ? 1 : levels;
	}

	public String label() { return label; }

	/** Parses "paper", "uint8", "uint16", "16bit" or "float". */
	public static Quantisation parse(final String s) {
		switch (s.trim().toLowerCase()) {
			case "paper": case "uint8": case "8bit": case "8-bit": return UINT8;
			case "uint16": case "16bit": case "16-bit": return UINT16;
			case "float": return FLOAT;
			default: throw new MetricsException("Unknown scoring mode '" + s + "': use paper, uint16 or float.");
		}
	}
}
