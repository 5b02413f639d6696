package org.misf.batch;

import java.util.List;

import net.imglib2.Cursor;
import net.imglib2.FinalInterval;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;

/**
 * One row of output tiles of a wall, all channels, in memory while it is written: read from the input, patched
 * with the blocks' hole pixels ({@link BlockPatch}), then cut into tiles.
 */
final class WallBand {

	final long y0, width;
	final int rows;
	private final Object[] channels;
	private final int bits;

	WallBand(final long y0, final int rows, final long width, final int samples, final int bits) {
		this.y0 = y0;
		this.rows = rows;
		this.width = width;
		this.bits = bits;
		channels = new Object[samples];
		for (int c = 0; c < samples; c++)
			channels[c] = bits == 16 ? new short[Math.toIntExact(rows * width)] : new byte[Math.toIntExact(rows * width)];
	}

	/** Copies the input's pixels of these rows. */
	void read(final List<RandomAccessibleInterval<? extends RealType<?>>> planes) {
		final FinalInterval rowsOf = new FinalInterval(new long[] { 0, y0 }, new long[] { width - 1, y0 + rows - 1 });
		for (int c = 0; c < channels.length; c++) {
			final Cursor<? extends RealType<?>> cur = Views.flatIterable(Views.interval(planes.get(c), rowsOf)).cursor();
			final int n = rows * (int) width;
			if (bits == 16) {
				final short[] s = (short[]) channels[c];
				for (int i = 0; i < n; i++)
					s[i] = (short) cur.next().getRealDouble();
			}
			else {
				final byte[] b = (byte[]) channels[c];
				for (int i = 0; i < n; i++)
					b[i] = (byte) cur.next().getRealDouble();
			}
		}
	}

	void set(final int c, final int index, final int value) {
		if (bits == 16) ((short[]) channels[c])[index] = (short) value;
		else((byte[]) channels[c])[index] = (byte) value;
	}

	/** The channels of the {@code side x side} tile starting at column {@code x0}; zeros beyond the image. */
	Object[] tile(final long x0, final int side) {
		final Object[] out = new Object[channels.length];
		final int w = (int) Math.min(side, width - x0);
		for (int c = 0; c < channels.length; c++) {
			final Object t = bits == 16 ? new short[side * side] : new byte[side * side];
			for (int y = 0; y < rows; y++)
				System.arraycopy(channels[c], (int) (y * width + x0), t, y * side, w);
			out[c] = t;
		}
		return out;
	}
}
