package org.misf.core;

import java.util.ArrayList;
import java.util.List;

import net.imglib2.Cursor;
import net.imglib2.FinalInterval;
import net.imglib2.Interval;
import net.imglib2.RandomAccess;
import net.imglib2.RandomAccessible;
import net.imglib2.type.numeric.RealType;
import net.imglib2.util.Intervals;
import net.imglib2.view.Views;

/**
 * Reads windows of an image into the network's input arrays and the network's output back into hole
 * pixels. Gray images are fed as three equal channels and written back as the mean of the three output
 * channels. A window at scale k is read as k x k block means (a block is a hole when any of its pixels is)
 * and its output is enlarged with bilinear interpolation. Large windows are read in strips of rows, so
 * memory stays at the size of the network input.
 */
final class WindowTensors<T extends RealType<T>, M extends RealType<M>> {

	private static final int STRIP_ROWS = 256;

	private final ChannelPlanes<T> planes;
	private final DilatedMask<M> holes;
	private final RandomAccessible<T>[] extended;
	private final FinalInterval bounds;

	@SuppressWarnings("unchecked")
	WindowTensors(final ChannelPlanes<T> planes, final DilatedMask<M> holes) {
		this.planes = planes;
		this.holes = holes;
		bounds = new FinalInterval(planes.width(), planes.height());
		extended = new RandomAccessible[planes.count()];
		for (int c = 0; c < extended.length; c++)
			extended[c] = Views.extendMirrorDouble(planes.plane(c));
	}

	/** Min and max of known pixels over the windows' regions: {lo, hi}, lo &gt; hi when there are none. */
	double[] knownRange(final List<Window> windows) {
		double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
		for (final Window w : windows) {
			for (final FinalInterval strip : strips(w.region(), STRIP_ROWS)) {
				final boolean[] h = holes.read(strip);
				for (int p = 0; p < extended.length; p++) {
					final Cursor<T> c = read(p, strip);
					for (int i = 0; i < h.length; i++) {
						final double v = c.next().getRealDouble();
						if (!h[i]) {
							if (v < lo) lo = v;
							if (v > hi) hi = v;
						}
					}
				}
			}
		}
		return new double[] { lo, hi };
	}

	/**
	 * Fills {@code image} (B x 3 x H x W) and {@code mask} (B x 1 x H x W) for a batch of windows that share
	 * one network size. Returns the index of a window without any known pixel, or -1.
	 */
	int fill(final List<Window> batch, final IntensityMapping map, final float[] image, final float[] mask) {
		final int W = batch.get(0).netWidth(), H = batch.get(0).netHeight(), hw = W * H;
		int noContext = -1;
		for (int b = 0; b < batch.size(); b++) {
			final Window w = batch.get(b);
			final int k = w.scale();
			final float weight = 1f / (k * k);
			final int imageBase = b * 3 * hw, maskBase = b * hw;
			final long ry = w.region().min(1);
			for (final FinalInterval strip : strips(w.region(), stripRows(k))) {
				final boolean[] h = holes.read(strip);
				final int sw = (int) strip.dimension(0);
				final int netY0 = (int) ((strip.min(1) - ry) / k);
				for (int i = 0; i < h.length; i++)
					if (h[i]) mask[maskBase + (netY0 + i / sw / k) * W + (i % sw) / k] = 1;
				for (int c = 0; c < extended.length; c++) {
					final Cursor<T> cur = read(c, strip);
					final int base = imageBase + c * hw;
					for (int i = 0; i < h.length; i++)
						image[base + (netY0 + i / sw / k) * W + (i % sw) / k] += map.toUnit(cur.next().getRealDouble()) *
							weight;
				}
			}
			if (extended.length == 1) {
				System.arraycopy(image, imageBase, image, imageBase + hw, hw);
				System.arraycopy(image, imageBase, image, imageBase + 2 * hw, hw);
			}
			boolean known = false;
			for (int i = 0; i < hw && !known; i++)
				known = mask[maskBase + i] == 0;
			if (!known && noContext < 0) noContext = b;
		}
		return noContext;
	}

	/**
	 * Writes the network output of one window ({@code out} from {@code offset}: 3 x H x W; its mask
	 * {@code netMask} from {@code maskOffset}: H x W) into the hole pixels of its core that no earlier window
	 * owns. Returns the number of pixels written.
	 */
	long paste(final Window w, final float[] out, final int offset, final float[] netMask, final int maskOffset,
		final IntensityMapping map, final List<? extends Interval> earlierCores)
	{
		final int W = w.netWidth(), H = w.netHeight(), hw = W * H, k = w.scale();
		final long rx = w.region().min(0), ry = w.region().min(1);
		final RandomAccess<T>[] ra = randomAccesses();
		final float[] u = new float[3];
		long written = 0;
		for (final FinalInterval strip : strips(w.core(), STRIP_ROWS)) {
			final boolean[] h = holes.read(strip);
			final int sw = (int) strip.dimension(0);
			for (int i = 0; i < h.length; i++) {
				if (!h[i]) continue;
				final long x = strip.min(0) + i % sw, y = strip.min(1) + i / sw;
				if (ownedEarlier(earlierCores, x, y)) continue;
				if (k == 1) {
					final int idx = offset + (int) (y - ry) * W + (int) (x - rx);
					for (int c = 0; c < 3; c++)
						u[c] = out[idx + c * hw];
				}
				else {
					// bilinear, but only over network cells that are holes: known cells hold shrunk copies of
					// the surrounding pixels, which must not bleed into the fill
					final double fx = clamp((x - rx + 0.5) / k - 0.5, W - 1), fy = clamp((y - ry + 0.5) / k - 0.5, H - 1);
					final int x0 = (int) fx, y0 = (int) fy;
					final int x1 = Math.min(x0 + 1, W - 1), y1 = Math.min(y0 + 1, H - 1);
					final double ax = fx - x0, ay = fy - y0;
					final int[] cells = { y0 * W + x0, y0 * W + x1, y1 * W + x0, y1 * W + x1 };
					final double[] weights = { (1 - ax) * (1 - ay), ax * (1 - ay), (1 - ax) * ay, ax * ay };
					double sum = 0;
					for (int q = 0; q < 4; q++)
						if (netMask[maskOffset + cells[q]] > 0) sum += weights[q];
					final int own = (int) Math.min(H - 1, (y - ry) / k) * W + (int) Math.min(W - 1, (x - rx) / k);
					for (int c = 0; c < 3; c++) {
						final int o = offset + c * hw;
						if (sum <= 0) {
							u[c] = out[o + own];
							continue;
						}
						double v = 0;
						for (int q = 0; q < 4; q++)
							if (netMask[maskOffset + cells[q]] > 0) v += weights[q] * out[o + cells[q]];
						u[c] = (float) (v / sum);
					}
				}
				if (ra.length == 3) {
					for (int c = 0; c < 3; c++) {
						ra[c].setPosition(x, 0);
						ra[c].setPosition(y, 1);
						map.write(u[c], ra[c].get());
					}
				}
				else {
					ra[0].setPosition(x, 0);
					ra[0].setPosition(y, 1);
					map.write((u[0] + u[1] + u[2]) / 3.0, ra[0].get());
				}
				written++;
			}
		}
		return written;
	}

	/** A flat cursor over a strip of plane c: directly on the plane inside the image, mirrored beyond it. */
	private Cursor<T> read(final int c, final FinalInterval strip) {
		final boolean inside = Intervals.contains(bounds, strip);
		return Views.flatIterable(Views.interval(inside ? planes.plane(c) : extended[c], strip)).cursor();
	}

	@SuppressWarnings("unchecked")
	private RandomAccess<T>[] randomAccesses() {
		final RandomAccess<T>[] ra = new RandomAccess[planes.count()];
		for (int c = 0; c < ra.length; c++)
			ra[c] = planes.plane(c).randomAccess();
		return ra;
	}

	private static boolean ownedEarlier(final List<? extends Interval> cores, final long x, final long y) {
		for (final Interval c : cores)
			if (x >= c.min(0) && x <= c.max(0) && y >= c.min(1) && y <= c.max(1)) return true;
		return false;
	}

	private static double clamp(final double v, final int max) {
		return v < 0 ? 0 : v > max ? max : v;
	}

	private static int stripRows(final int k) {
		return k * Math.max(1, (STRIP_ROWS + k - 1) / k);
	}

	/** Splits an interval into strips of at most {@code rows} rows. */
	static List<FinalInterval> strips(final Interval iv, final int rows) {
		final List<FinalInterval> out = new ArrayList<>();
		for (long y = iv.min(1); y <= iv.max(1); y += rows)
			out.add(new FinalInterval(new long[] { iv.min(0), y }, new long[] { iv.max(0), Math.min(iv.max(1), y +
				rows - 1) }));
		return out;
	}
}
