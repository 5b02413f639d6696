package org.misf.core;

import java.util.Arrays;

import net.imglib2.FinalInterval;

/**
 * Overlapping tiles that cover an image, and the disjoint cells they own. Along each axis, {@code n} tiles of
 * {@code side} pixels are spread evenly from the first pixel to the last, so that neighbours overlap by at
 * least {@code 2 * margin}; the border between two cells lies in the middle of their tiles' overlap. A pixel
 * of a cell is therefore at least {@code margin} pixels inside its tile, or at the image border. An axis no
 * longer than {@code side} is one tile.
 */
final class TileGrid {

	private final long[][] starts = new long[2][];
	private final long[][] cellStarts = new long[2][];
	private final long[] size;
	private final long side;

	TileGrid(final long width, final long height, final long side, final long margin) {
		if (side <= 2 * margin) throw new IllegalArgumentException("tile side " + side + " <= 2 x margin " + margin);
		this.side = side;
		size = new long[] { width, height };
		for (int d = 0; d < 2; d++) {
			final long length = size[d];
			final int n = length <= side ? 1 : (int) (1 + ceilDiv(length - side, side - 2 * margin));
			starts[d] = new long[n];
			cellStarts[d] = new long[n + 1];
			for (int i = 0; i < n; i++)
				starts[d][i] = n == 1 ? 0 : Math.round((double) i * (length - side) / (n - 1));
			for (int i = 1; i < n; i++)
				cellStarts[d][i] = (starts[d][i - 1] + side + starts[d][i]) / 2;
			cellStarts[d][n] = length;
		}
	}

	/** Tiles along x. */
	int columns() { return starts[0].length; }

	/** Tiles along y. */
	int rows() { return starts[1].length; }

	/** The index of the tile whose cell holds pixel (x, y) (row-major). */
	int tileAt(final long x, final long y) {
		return cellIndex(1, y) * columns() + cellIndex(0, x);
	}

	/** The pixels tile {@code t} reads (inside the image; an axis shorter than the side is the whole axis). */
	FinalInterval region(final int t) {
		final int i = t % columns(), j = t / columns();
		final long x0 = starts[0][i], y0 = starts[1][j];
		return new FinalInterval(new long[] { x0, y0 }, new long[] { Math.min(size[0], x0 + side) - 1, Math.min(size[1],
			y0 + side) - 1 });
	}

	/** The pixels tile {@code t} owns: the cells of all tiles are disjoint and cover the image. */
	FinalInterval cell(final int t) {
		final int i = t % columns(), j = t / columns();
		return new FinalInterval(new long[] { cellStarts[0][i], cellStarts[1][j] }, new long[] { cellStarts[0][i + 1] -
			1, cellStarts[1][j + 1] - 1 });
	}

	int tiles() { return columns() * rows(); }

	private int cellIndex(final int d, final long v) {
		final int k = Arrays.binarySearch(cellStarts[d], v);
		return Math.min(starts[d].length - 1, k >= 0 ? k : -k - 2);
	}

	private static long ceilDiv(final long a, final long b) {
		return (a + b - 1) / b;
	}
}
