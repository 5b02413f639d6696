package org.misf.evaluation;

/**
 * Bilinear resizing exactly as Pillow's {@code Image.resize(size, BILINEAR)} (which the authors' test
 * reached through {@code scipy.misc.imresize}): separable triangle filter whose support widens with the
 * downscaling factor (antialiasing), horizontal pass first, then vertical.
 * 8-bit data take Pillow's fixed-point path (22-bit coefficients, rounding, clipping to 0..255 after each
 * pass); other data take its float path (double weights, float32 storage after each pass).
 */
final class BilinearResampler {

	private static final int PRECISION_BITS = 32 - 8 - 2;

	/** Filter taps for every output index: first input index, tap count and weights (ksize per output). */
	private static final class Taps {

		final int ksize;
		final int[] first;
		final int[] count;
		final double[] weights;

		Taps(final int inSize, final int outSize) {
			final double scale = (double) inSize / outSize;
			final double filterScale = Math.max(1.0, scale);
			final double support = 1.0 * filterScale;
			ksize = (int) Math.ceil(support) * 2 + 1;
			first = new int[outSize];
			count = new int[outSize];
			weights = new double[outSize * ksize];
			for (int xx = 0; xx < outSize; xx++) {
				final double center = (xx + 0.5) * scale;
				final double ss = 1.0 / filterScale;
				int xmin = (int) (center - support + 0.5);
				if (xmin < 0) xmin = 0;
				int xmax = (int) (center + support + 0.5);
				if (xmax > inSize) xmax = inSize;
				xmax -= xmin;
				double ww = 0;
				for (int x = 0; x < xmax; x++) {
					final double w = triangle((x + xmin - center + 0.5) * ss);
					weights[xx * ksize + x] = w;
					ww += w;
				}
				for (int x = 0; x < xmax; x++)
					if (ww != 0) weights[xx * ksize + x] /= ww;
				first[xx] = xmin;
				count[xx] = xmax;
			}
		}

		int[] fixedPoint() {
			final int[] k = new int[weights.length];
			for (int i = 0; i < k.length; i++)
				k[i] = (int) (weights[i] < 0 ? -0.5 + weights[i] * (1 << PRECISION_BITS) : 0.5 + weights[i] *
					(1 << PRECISION_BITS));
			return k;
		}
	}

	private static double triangle(double x) {
		if (x < 0) x = -x;
		return x < 1 ? 1 - x : 0;
	}

	private BilinearResampler() {}

	/** 8-bit values 0..255 (row-major w x h) to outW x outH, Pillow's integer path. */
	static int[] resize8(final int[] in, final int w, final int h, final int outW, final int outH) {
		int[] cur = in;
		if (outW != w) cur = pass8(cur, h, w, 1, new Taps(w, outW), outW, 1);
		if (outH != h) cur = pass8(cur, outW, 1, outW, new Taps(h, outH), 1, outW);
		return cur == in ? in.clone() : cur;
	}

	/**
	 * One 1D pass over {@code lines} lines (rows or columns): input sample k of line l is at
	 * {@code l * inLine + k * inStep}, output sample o at {@code l * outLine + o * outStep}.
	 */
	private static int[] pass8(final int[] in, final int lines, final int inLine, final int inStep, final Taps t,
		final int outLine, final int outStep)
	{
		final int[] k = t.fixedPoint();
		final int outSize = t.first.length;
		final int[] out = new int[lines * outSize];
		for (int l = 0; l < lines; l++)
			for (int o = 0; o < outSize; o++) {
				int ss = 1 << (PRECISION_BITS - 1);
				for (int x = 0; x < t.count[o]; x++)
					ss += in[l * inLine + (t.first[o] + x) * inStep] * k[o * t.ksize + x];
				out[l * outLine + o * outStep] = clip8(ss);
			}
		return out;
	}

	private static int clip8(final int v) {
		if (v >= (1 << PRECISION_BITS) << 8) return 255;
		if (v <= 0) return 0;
		return v >> PRECISION_BITS;
	}

	/** Any values (row-major w x h) to outW x outH, Pillow's float ("F" mode) path. */
	static double[] resizeFloat(final double[] in, final int w, final int h, final int outW, final int outH) {
		double[] cur = in;
		if (outW != w) cur = passFloat(cur, h, w, 1, new Taps(w, outW), outW, 1);
		if (outH != h) cur = passFloat(cur, outW, 1, outW, new Taps(h, outH), 1, outW);
		return cur == in ? in.clone() : cur;
	}

	/** As {@link #pass8}, with double weights and float32 storage. */
	private static double[] passFloat(final double[] in, final int lines, final int inLine, final int inStep,
		final Taps t, final int outLine, final int outStep)
	{
		final int outSize = t.first.length;
		final double[] out = new double[lines * outSize];
		for (int l = 0; l < lines; l++)
			for (int o = 0; o < outSize; o++) {
				double ss = 0;
				for (int x = 0; x < t.count[o]; x++)
					ss += in[l * inLine + (t.first[o] + x) * inStep] * t.weights[o * t.ksize + x];
				out[l * outLine + o * outStep] = (float) ss;
			}
		return out;
	}
}
