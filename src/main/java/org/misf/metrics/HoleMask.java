package org.misf.metrics;

import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;

import org.misf.core.HoleRule;

/** Which pixels are holes: a mask {@code (x, y)} of any real type, by inpainting's one rule ({@link HoleRule}). */
public final class HoleMask {

	private final int width;
	private final int height;
	private final boolean[] hole;
	private final int count;

	HoleMask(final int width, final int height, final boolean[] hole) {
		this.width = width;
		this.height = height;
		this.hole = hole;
		int n = 0;
		for (final boolean b : hole)
			if (b) n++;
		this.count = n;
	}

	public static <M extends RealType<M>> HoleMask of(final RandomAccessibleInterval<M> mask) {
		if (mask.numDimensions() != 2) throw new MetricsException("A mask must be a 2D (x, y) image, not " +
			mask.numDimensions() + "-dimensional.");
		final int w = (int) mask.dimension(0), h = (int) mask.dimension(1);
		final boolean[] hole = new boolean[w * h];
		final Cursor<M> c = Views.flatIterable(mask).cursor();
		for (int i = 0; c.hasNext(); i++)
			hole[i] = HoleRule.isHole(c.next().getRealDouble());
		return new HoleMask(w, h, hole);
	}

	/** Hole where any channel of the image marks one ({@link HoleRule}: non-zero, as the authors' resized masks). */
	public static HoleMask fromImage(final MetricImage m) {
		final boolean[] hole = new boolean[m.width() * m.height()];
		for (int c = 0; c < m.channels(); c++) {
			final double[] p = m.plane(c);
			for (int i = 0; i < hole.length; i++)
				hole[i] |= HoleRule.isHole(p[i]);
		}
		return new HoleMask(m.width(), m.height(), hole);
	}

	/** Whether pixel {@code index = y * width + x} is a hole. */
	public boolean isHole(final int index) { return hole[index]; }

	public int width() { return width; }

	public int height() { return height; }

	/** Number of hole pixels. */
	public int holeCount() { return count; }

	/** Hole pixels / all pixels, in [0, 1]. */
	public double holeFraction() {
		return count / (double) hole.length;
	}

	/** Throws unless this mask has the image's size. */
	void checkMatches(final MetricImage image) {
		if (width != image.width() || height != image.height()) throw new MetricsException("The mask is " +
			width + "x" + height + " but the images are " + image.sizeText() + ".");
	}
}
