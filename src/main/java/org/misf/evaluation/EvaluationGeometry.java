package org.misf.evaluation;

import org.misf.metrics.HoleMask;
import org.misf.metrics.IntensityScale;
import org.misf.metrics.MetricImage;

/**
 * Brings images and masks to the evaluation size the way the authors' test did (MISF's dataset.py):
 * centre crop to a square (top = (h - side) / 2, left = (w - side) / 2) and resize with Pillow-exact bilinear
 * ({@link BilinearResampler}); masks are brought to the image's size the same way and every pixel above 0
 * afterwards is a hole (the authors' threshold). Images already of the target size are left as they are.
 */
public final class EvaluationGeometry {

	private EvaluationGeometry() {}

	/** Centre square crop resized to {@code size x size}. */
	public static MetricImage centreSquare(final MetricImage m, final int size) {
		final int side = Math.min(m.width(), m.height());
		final MetricImage square = crop(m, (m.width() - side) / 2, (m.height() - side) / 2, side, side);
		return resize(square, size, size);
	}

	/** A mask at the image's size: as is when the sizes agree, else centre-square-cropped (if not square) and resized. */
	public static HoleMask maskFor(final MetricImage mask, final int width, final int height) {
		if (mask.width() == width && mask.height() == height) return HoleMask.fromImage(mask);
		final int side = Math.min(mask.width(), mask.height());
		final MetricImage square = crop(mask, (mask.width() - side) / 2, (mask.height() - side) / 2, side, side);
		return HoleMask.fromImage(resize(square, width, height));
	}

	static MetricImage crop(final MetricImage m, final int x0, final int y0, final int w, final int h) {
		if (x0 == 0 && y0 == 0 && w == m.width() && h == m.height()) return m;
		final double[][] p = new double[m.channels()][w * h];
		for (int c = 0; c < m.channels(); c++)
			for (int y = 0; y < h; y++)
				System.arraycopy(m.plane(c), (y0 + y) * m.width() + x0, p[c], y * w, w);
		return new MetricImage(w, h, p, m.scale());
	}

	/** Pillow-exact bilinear; 8-bit data stay 8-bit, anything else goes through the float path. */
	static MetricImage resize(final MetricImage m, final int w, final int h) {
		if (w == m.width() && h == m.height()) return m;
		final boolean eightBit = m.scale().levels() == 255;
		final double[][] p = new double[m.channels()][];
		for (int c = 0; c < m.channels(); c++) {
			if (eightBit) {
				final double[] src = m.plane(c);
				final int[] in = new int[src.length];
				for (int i = 0; i < in.length; i++)
					in[i] = (int) Math.round(src[i] * 255);
				final int[] out = BilinearResampler.resize8(in, m.width(), m.height(), w, h);
				p[c] = new double[out.length];
				for (int i = 0; i < out.length; i++)
					p[c][i] = out[i] / 255.0;
			}
			else p[c] = BilinearResampler.resizeFloat(m.plane(c), m.width(), m.height(), w, h);
		}
		return new MetricImage(w, h, p, eightBit ? IntensityScale.UINT8 : IntensityScale.UNIT);
	}
}
