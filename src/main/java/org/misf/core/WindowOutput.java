package org.misf.core;

/**
 * The network's output for one window of a batch: 3 x H x W values from {@code offset / 3}'s image in the
 * batch, and the window's network mask. {@link #sample} gives the fill at an image pixel, enlarging a shrunk
 * window's output bilinearly over hole cells only.
 */
final class WindowOutput {

	private final Window window;
	private final float[] out;
	private final int offset;
	private final float[] mask;
	private final int maskOffset;

	/** {@code out}: the batch output; {@code mask}: the batch mask; {@code b}: the window's place in the batch. */
	WindowOutput(final Window window, final float[] out, final float[] mask, final int b) {
		this.window = window;
		this.out = out;
		this.mask = mask;
		final int hw = window.netWidth() * window.netHeight();
		this.offset = 3 * b * hw;
		this.maskOffset = b * hw;
	}

	Window window() { return window; }

	/** A copy of this window's 3 x H x W output. */
	float[] image() {
		final int n = 3 * window.netWidth() * window.netHeight();
		final float[] copy = new float[n];
		System.arraycopy(out, offset, copy, 0, n);
		return copy;
	}

	/** A copy of this window's H x W network mask. */
	float[] mask() {
		final int n = window.netWidth() * window.netHeight();
		final float[] copy = new float[n];
		System.arraycopy(mask, maskOffset, copy, 0, n);
		return copy;
	}

	/** The three channels (unit range) of the fill at image pixel (x, y), which must be inside the region. */
	void sample(final long x, final long y, final float[] u) {
		final int W = window.netWidth(), H = window.netHeight(), hw = W * H, k = window.scale();
		final long rx = window.region().min(0), ry = window.region().min(1);
		if (k == 1) {
			final int idx = offset + (int) (y - ry) * W + (int) (x - rx);
			for (int c = 0; c < 3; c++)
				u[c] = out[idx + c * hw];
			return;
		}
		// bilinear, but only over network cells that are holes: known cells hold shrunk copies of the
		// surrounding pixels, which must not bleed into the fill
		final double fx = clamp((x - rx + 0.5) / k - 0.5, W - 1), fy = clamp((y - ry + 0.5) / k - 0.5, H - 1);
		final int x0 = (int) fx, y0 = (int) fy;
		final int x1 = Math.min(x0 + 1, W - 1), y1 = Math.min(y0 + 1, H - 1);
		final double ax = fx - x0, ay = fy - y0;
		final int[] cells = { y0 * W + x0, y0 * W + x1, y1 * W + x0, y1 * W + x1 };
		final double[] weights = { (1 - ax) * (1 - ay), ax * (1 - ay), (1 - ax) * ay, ax * ay };
		double sum = 0;
		for (int q = 0; q < 4; q++)
			if (mask[maskOffset + cells[q]] > 0) sum += weights[q];
		final int own = (int) Math.min(H - 1, (y - ry) / k) * W + (int) Math.min(W - 1, (x - rx) / k);
		for (int c = 0; c < 3; c++) {
			final int o = offset + c * hw;
			if (sum <= 0) {
				u[c] = out[o + own];
				continue;
			}
			double v = 0;
			for (int q = 0; q < 4; q++)
				if (mask[maskOffset + cells[q]] > 0) v += weights[q] * out[o + cells[q]];
			u[c] = (float) (v / sum);
		}
	}

	private static double clamp(final double v, final int max) {
		return v < 0 ? 0 : v > max ? max : v;
	}
}
