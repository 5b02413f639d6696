package org.misf.core;

import net.imglib2.Cursor;
import net.imglib2.FinalInterval;
import net.imglib2.Interval;
import net.imglib2.RandomAccessible;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.util.Intervals;
import net.imglib2.view.Views;

/**
 * Reads the hole mask (non-zero = hole) over any interval, grown by {@code dilation} pixels in every
 * direction (a (2d+1) x (2d+1) square neighbourhood). Beyond the image the mask is mirrored, like the image.
 * Work and memory are those of the interval read, never of the whole mask.
 */
final class DilatedMask<M extends RealType<M>> {

	private final RandomAccessibleInterval<M> plain;
	private final RandomAccessible<M> mask;
	private final int dilation;

	DilatedMask(final RandomAccessibleInterval<M> mask, final int dilation) {
		this.plain = Views.zeroMin(mask);
		this.mask = Views.extendMirrorDouble(plain);
		this.dilation = dilation;
	}

	/** Holes in {@code iv} (x fastest): {@code true} = hole. */
	boolean[] read(final Interval iv) {
		final int d = dilation;
		final FinalInterval big = Intervals.expand(iv, d);
		final int bw = (int) big.dimension(0), bh = (int) big.dimension(1);
		final boolean[] raw = new boolean[bw * bh];
		final Cursor<M> c = Views.flatIterable(Views.interval(Intervals.contains(plain, big) ? plain : mask, big))
			.cursor();
		for (int i = 0; i < raw.length; i++)
			raw[i] = HoleRule.isHole(c.next().getRealDouble());
		if (d == 0) return raw;
		final int w = (int) iv.dimension(0), h = (int) iv.dimension(1);
		// horizontal pass: rows of 'big', columns of 'iv'
		final boolean[] rows = new boolean[w * bh];
		for (int y = 0; y < bh; y++) {
			int count = 0;
			final int o = y * bw;
			for (int x = 0; x < 2 * d; x++)
				if (raw[o + x]) count++;
			for (int x = 0; x < w; x++) {
				if (raw[o + x + 2 * d]) count++;
				rows[y * w + x] = count > 0;
				if (raw[o + x]) count--;
			}
		}
		// vertical pass
		final boolean[] out = new boolean[w * h];
		for (int x = 0; x < w; x++) {
			int count = 0;
			for (int y = 0; y < 2 * d; y++)
				if (rows[y * w + x]) count++;
			for (int y = 0; y < h; y++) {
				if (rows[(y + 2 * d) * w + x]) count++;
				out[y * w + x] = count > 0;
				if (rows[y * w + x]) count--;
			}
		}
		return out;
	}
}
