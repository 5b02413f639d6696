package org.misf.core;

/**
 * How deep each pixel of a tile lies inside a hole: the chamfer distance (3-4 weights, in pixels) to the nearest
 * known pixel of the tile; 0 for known pixels. Beyond the tile counts as hole, so depths near its edge are upper
 * bounds. A refine tile fills shallow hole pixels itself (the network sees context around them) and takes the
 * colours of deep ones from the coarse fill ({@link DetailTransfer}); thin cracks have no deep pixels at all.
 */
final class HoleDepth {

	/** Up to this depth a tile's own fill is used as it is. */
	static final float SHALLOW = 32;

	/** From this depth on the coarse fill gives the colours; in between the two are blended. */
	static final float DEEP = 64;

	private HoleDepth() {}

	/** Depths of a {@code w x h} tile whose holes are {@code hole} (x fastest). */
	static float[] of(final boolean[] hole, final int w, final int h) {
		final float inf = 1e9f;
		final float[] d = new float[w * h];
		for (int i = 0; i < d.length; i++)
			d[i] = hole[i] ? inf : 0;
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				final int i = y * w + x;
				if (d[i] == 0) continue;
				float v = d[i];
				if (x > 0) v = Math.min(v, d[i - 1] + 3);
				if (y > 0) {
					v = Math.min(v, d[i - w] + 3);
					if (x > 0) v = Math.min(v, d[i - w - 1] + 4);
					if (x < w - 1) v = Math.min(v, d[i - w + 1] + 4);
				}
				d[i] = v;
			}
		for (int y = h - 1; y >= 0; y--)
			for (int x = w - 1; x >= 0; x--) {
				final int i = y * w + x;
				if (d[i] == 0) continue;
				float v = d[i];
				if (x < w - 1) v = Math.min(v, d[i + 1] + 3);
				if (y < h - 1) {
					v = Math.min(v, d[i + w] + 3);
					if (x < w - 1) v = Math.min(v, d[i + w + 1] + 4);
					if (x > 0) v = Math.min(v, d[i + w - 1] + 4);
				}
				d[i] = v;
			}
		for (int i = 0; i < d.length; i++)
			d[i] /= 3;
		return d;
	}

	/** The share of the coarse fill's colours at this depth: 0 when shallow, 1 when deep, linear between. */
	static float coarseWeight(final float depth) {
		return depth <= SHALLOW ? 0 : depth >= DEEP ? 1 : (depth - SHALLOW) / (DEEP - SHALLOW);
	}
}
