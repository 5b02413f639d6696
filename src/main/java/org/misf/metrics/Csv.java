package org.misf.metrics;

/** CSV cells: numbers at full precision (so files round-trip exactly; NaN = empty), text quoted when needed. */
public final class Csv {

	private Csv() {}

	public static String number(final double v) {
		return Double.isNaN(v) ? "" : Double.toString(v);
	}

	public static String text(final String s) {
		if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) return s;
		return '"' + s.replace("\"", "\"\"") + '"';
	}

	/** The four metric columns, in the header. */
	public static final String METRIC_HEADER = "psnr,ssim,l1_x100,lpips";

	/** The four metric cells. */
	public static String metrics(final MetricScores s) {
		return number(s.psnr()) + "," + number(s.ssim()) + "," + number(s.l1()) + "," + number(s.lpips());
	}
}
