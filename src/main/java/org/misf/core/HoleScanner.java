package org.misf.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import net.imglib2.Cursor;
import net.imglib2.FinalInterval;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;

/**
 * Finds the connected holes of a 2D mask (non-zero = hole, 8-connectivity) in one pass over the mask.
 * Memory grows with the number of horizontal runs of hole pixels, not with the image size: a huge mask
 * with a few small holes costs only the scan.
 */
public final class HoleScanner {

	private HoleScanner() {}

	/** The holes of {@code mask} (dimensions x, y; its min is taken as 0, 0), in scan order. */
	public static <M extends RealType<M>> List<HoleRegion> scan(final RandomAccessibleInterval<M> mask) {
		final RandomAccessibleInterval<M> m = Views.zeroMin(mask);
		final int w = (int) m.dimension(0);
		final long h = m.dimension(1);
		final Runs runs = new Runs();
		final Cursor<M> c = Views.flatIterable(m).cursor();
		int prevStart = 0, prevEnd = 0; // runs of the previous row: [prevStart, prevEnd)
		for (long y = 0; y < h; y++) {
			final int rowStart = runs.size;
			int x = 0;
			int runX0 = -1;
			while (x < w) {
				final boolean hole = HoleRule.isHole(c.next().getRealDouble());
				if (hole && runX0 < 0) runX0 = x;
				else if (!hole && runX0 >= 0) {
					runs.add(y, runX0, x - 1);
					runX0 = -1;
				}
				x++;
			}
			if (runX0 >= 0) runs.add(y, runX0, w - 1);
			// connect this row's runs with touching runs of the previous row (8-connectivity)
			int p = prevStart;
			for (int r = rowStart; r < runs.size; r++) {
				while (p < prevEnd && runs.x1[p] < runs.x0[r] - 1) p++;
				for (int q = p; q < prevEnd && runs.x0[q] <= runs.x1[r] + 1; q++)
					runs.union(r, q);
			}
			prevStart = rowStart;
			prevEnd = runs.size;
		}
		return runs.regions();
	}

	/** Growable arrays of runs with a union-find over them. */
	private static final class Runs {

		int size;
		long[] y = new long[64];
		int[] x0 = new int[64];
		int[] x1 = new int[64];
		int[] parent = new int[64];

		void add(final long ry, final int a, final int b) {
			if (size == y.length) {
				final int n = size * 2;
				y = Arrays.copyOf(y, n);
				x0 = Arrays.copyOf(x0, n);
				x1 = Arrays.copyOf(x1, n);
				parent = Arrays.copyOf(parent, n);
			}
			y[size] = ry;
			x0[size] = a;
			x1[size] = b;
			parent[size] = size;
			size++;
		}

		int find(int i) {
			while (parent[i] != i) {
				parent[i] = parent[parent[i]];
				i = parent[i];
			}
			return i;
		}

		void union(final int a, final int b) {
			final int ra = find(a), rb = find(b);
			if (ra != rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
		}

		List<HoleRegion> regions() {
			final int[] index = new int[size];
			Arrays.fill(index, -1);
			final List<long[]> boxes = new ArrayList<>(); // minX, minY, maxX, maxY, pixels
			for (int i = 0; i < size; i++) {
				final int r = find(i);
				if (index[r] < 0) {
					index[r] = boxes.size();
					boxes.add(new long[] { x0[i], y[i], x1[i], y[i], 0 });
				}
				final long[] b = boxes.get(index[r]);
				b[0] = Math.min(b[0], x0[i]);
				b[1] = Math.min(b[1], y[i]);
				b[2] = Math.max(b[2], x1[i]);
				b[3] = Math.max(b[3], y[i]);
				b[4] += x1[i] - x0[i] + 1;
			}
			final List<HoleRegion> out = new ArrayList<>(boxes.size());
			for (final long[] b : boxes)
				out.add(new HoleRegion(new FinalInterval(new long[] { b[0], b[1] }, new long[] { b[2], b[3] }), b[4]));
			return out;
		}
	}
}
