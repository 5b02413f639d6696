package org.misf.core;

import java.util.ArrayList;
import java.util.Arrays;
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

	/** The depth of every pixel of a full-resolution window inside the holes ({@link HoleDepth}). */
	float[] depth(final Window w) {
		final int W = w.netWidth(), H = w.netHeight();
		final boolean[] all = holes.read(w.region());
		return HoleDepth.of(all, W, H);
	}

	/**
	 * Fills {@code image} (B x 3 x H x W) and {@code mask} (B x 1 x H x W) for a batch of windows that share
	 * one network size. A {@link Window.Role#REFINE} tile (its depths in {@code depths}) shows the deep hole
	 * pixels outside its cell that a coarse fill covers with that fill, as known. Returns the index of a window
	 * without any known pixel, or -1.
	 */
	int fill(final List<Window> batch, final IntensityMapping map, final List<WindowOutput> coarse,
		final List<float[]> depths, final float[] image, final float[] mask)
	{
		final int W = batch.get(0).netWidth(), H = batch.get(0).netHeight(), hw = W * H;
		final float[] u = new float[3];
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
				final WindowOutput[] context = w.role() == Window.Role.REFINE ? coarseContext(w, strip, h, coarse, depths
					.get(b)) : null;
				for (int i = 0; i < h.length; i++)
					if (h[i] && (context == null || context[i] == null)) mask[maskBase + (netY0 + i / sw / k) * W + (i % sw) /
						k] = 1;
				for (int c = 0; c < extended.length; c++) {
					final Cursor<T> cur = read(c, strip);
					final int base = imageBase + c * hw;
					for (int i = 0; i < h.length; i++) {
						final double v = cur.next().getRealDouble();
						final int at = base + (netY0 + i / sw / k) * W + (i % sw) / k;
						if (context != null && context[i] != null) {
							context[i].sample(strip.min(0) + i % sw, strip.min(1) + i / sw, u);
							image[at] = extended.length == 3 ? u[c] : (u[0] + u[1] + u[2]) / 3;
						}
						else if (!h[i]) image[at] += map.toUnit(v) * weight; // a hole's own value (maybe NaN) is never shown
					}
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

	/** For each deep hole pixel of the strip outside the tile's cell, the coarse fill covering it, if any. */
	private static WindowOutput[] coarseContext(final Window w, final FinalInterval strip, final boolean[] h,
		final List<WindowOutput> coarse, final float[] depth)
	{
		final int W = w.netWidth();
		final long rx = w.region().min(0), ry = w.region().min(1);
		final WindowOutput[] out = new WindowOutput[h.length];
		final int sw = (int) strip.dimension(0);
		final FinalInterval cell = w.cell();
		for (int i = 0; i < h.length; i++) {
			if (!h[i]) continue;
			final long x = strip.min(0) + i % sw, y = strip.min(1) + i / sw;
			if (x >= cell.min(0) && x <= cell.max(0) && y >= cell.min(1) && y <= cell.max(1)) continue;
			if (depth[(int) (y - ry) * W + (int) (x - rx)] <= HoleDepth.SHALLOW) continue;
			out[i] = DetailTransfer.covering(coarse, x, y);
		}
		return out;
	}

	/** Whether window {@code w}'s cores hold any hole pixel. */
	boolean hasHoles(final Window w) {
		for (final FinalInterval core : w.cores())
			for (final FinalInterval strip : strips(core, STRIP_ROWS))
				for (final boolean b : holes.read(strip))
					if (b) return true;
		return false;
	}

	/** Receives the hole pixels a window writes, in the one order extract and write share. */
	private interface PixelVisitor {

		void visit(long x, long y);
	}

	/** Visits the hole pixels of window {@code w}'s cores that no earlier core owns, core by core, row by row. */
	private void forEachOwnedHole(final Window w, final Ownership owners, final int index, final PixelVisitor v) {
		for (int ci = 0; ci < w.cores().size(); ci++) {
			final List<FinalInterval> earlier = owners.earlier(index, ci);
			for (final FinalInterval strip : strips(w.cores().get(ci), STRIP_ROWS)) {
				final boolean[] h = holes.read(strip);
				final int sw = (int) strip.dimension(0);
				for (int i = 0; i < h.length; i++) {
					if (!h[i]) continue;
					final long x = strip.min(0) + i % sw, y = strip.min(1) + i / sw;
					if (!Ownership.inAny(earlier, x, y)) v.visit(x, y);
				}
			}
		}
	}

	/**
	 * The fill values of the hole pixels window {@code w} writes (those of its cores that no earlier core owns),
	 * in the order {@link #write} takes them: one value per plane and pixel.
	 */
	float[] extract(final WindowOutput o, final Ownership owners, final int index) {
		final float[] u = new float[3];
		final int planes = extended.length;
		final float[][] values = { new float[1024] };
		final int[] n = { 0 };
		forEachOwnedHole(o.window(), owners, index, (x, y) -> {
			o.sample(x, y, u);
			if (n[0] + planes > values[0].length) values[0] = Arrays.copyOf(values[0], values[0].length * 2);
			if (planes == 3) for (int c = 0; c < 3; c++)
				values[0][n[0]++] = u[c];
			else values[0][n[0]++] = (u[0] + u[1] + u[2]) / 3;
		});
		return Arrays.copyOf(values[0], n[0]);
	}

	/** Writes what {@link #extract} took for window {@code w}; returns the number of pixels written. */
	long write(final Window w, final float[] values, final Ownership owners, final int index,
		final IntensityMapping map)
	{
		final RandomAccess<T>[] ra = randomAccesses();
		return emit(w, values, owners, index, (x, y, v) -> {
			for (int c = 0; c < ra.length; c++) {
				ra[c].setPosition(x, 0);
				ra[c].setPosition(y, 1);
				map.write(v[c], ra[c].get());
			}
		});
	}

	/**
	 * Hands what {@link #extract} took for window {@code w} to {@code sink}, pixel by pixel in the order it was
	 * taken (one value per plane); returns the number of pixels.
	 */
	long emit(final Window w, final float[] values, final Ownership owners, final int index, final HoleSink sink) {
		final int planes = extended.length;
		final float[] v = new float[planes];
		final int[] n = { 0 };
		forEachOwnedHole(w, owners, index, (x, y) -> {
			System.arraycopy(values, n[0], v, 0, planes);
			n[0] += planes;
			sink.pixel(x, y, v);
		});
		return n[0] / planes;
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
