package org.misf.core;

import java.util.List;

/**
 * How a refine tile's output is joined to the coarse fill of a huge hole. Deep inside the hole
 * ({@link HoleDepth}) the coarse fill gives the colours (the low frequencies, consistent over the whole hole
 * because one network call made them) and the tile the detail the coarse fill cannot hold:
 * {@code coarse + tile - blur(tile)}, the blur a Gaussian of the coarse window's scale (at most 16 px). Near
 * known pixels the tile's own fill is kept; in between the two are blended. Tiles that fill neighbouring cells
 * from different context thus meet without a step in colour, and thin cracks keep their full-resolution fill.
 */
final class DetailTransfer {

	private DetailTransfer() {}

	/** The tile's output with its hole pixels under a coarse fill replaced as above. */
	static WindowOutput onto(final WindowOutput tile, final List<WindowOutput> coarse, final float[] depth) {
		final Window w = tile.window();
		final int W = w.netWidth(), H = w.netHeight(), hw = W * H;
		boolean deep = false;
		for (int i = 0; i < hw && !deep; i++)
			deep = depth[i] > HoleDepth.SHALLOW;
		if (!deep) return tile;
		final float[] raw = tile.image();
		int scale = 1;
		for (final WindowOutput c : coarse)
			scale = Math.max(scale, Math.min(16, c.window().scale()));
		final float[] low = raw.clone();
		for (int c = 0; c < 3; c++)
			Gaussian.blur(low, c * hw, W, H, scale);
		final float[] result = raw.clone();
		final float[] mask = tile.mask();
		final float[] u = new float[3];
		final long rx = w.region().min(0), ry = w.region().min(1);
		for (int y = 0; y < H; y++)
			for (int x = 0; x < W; x++) {
				final int i = y * W + x;
				final float a = HoleDepth.coarseWeight(depth[i]);
				if (mask[i] == 0 || a == 0) continue;
				final WindowOutput c = covering(coarse, rx + x, ry + y);
				if (c == null) continue;
				c.sample(rx + x, ry + y, u);
				for (int ch = 0; ch < 3; ch++)
					result[ch * hw + i] += a * (u[ch] - low[ch * hw + i]);
			}
		return new WindowOutput(w, result, mask, 0);
	}

	/** The coarse fill whose holes hold pixel (x, y), or null. */
	static WindowOutput covering(final List<WindowOutput> coarse, final long x, final long y) {
		for (final WindowOutput c : coarse)
			if (Ownership.inAny(c.window().cores(), x, y)) return c;
		return null;
	}

	/** Separable Gaussian blur of one H x W plane in place, edges clamped. */
	static final class Gaussian {

		private Gaussian() {}

		static void blur(final float[] a, final int offset, final int w, final int h, final double sigma) {
			final int r = (int) Math.ceil(3 * sigma);
			final float[] k = new float[2 * r + 1];
			double sum = 0;
			for (int i = -r; i <= r; i++)
				sum += k[i + r] = (float) Math.exp(-i * i / (2 * sigma * sigma));
			for (int i = 0; i < k.length; i++)
				k[i] /= sum;
			final float[] line = new float[Math.max(w, h)];
			for (int y = 0; y < h; y++) {
				for (int x = 0; x < w; x++) {
					double v = 0;
					for (int i = -r; i <= r; i++)
						v += k[i + r] * a[offset + y * w + Math.min(w - 1, Math.max(0, x + i))];
					line[x] = (float) v;
				}
				System.arraycopy(line, 0, a, offset + y * w, w);
			}
			for (int x = 0; x < w; x++) {
				for (int y = 0; y < h; y++) {
					double v = 0;
					for (int i = -r; i <= r; i++)
						v += k[i + r] * a[offset + Math.min(h - 1, Math.max(0, y + i)) * w + x];
					line[y] = (float) v;
				}
				for (int y = 0; y < h; y++)
					a[offset + y * w + x] = line[y];
			}
		}
	}
}
