package org.misf.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import net.imglib2.FinalInterval;
import net.imglib2.Interval;
import net.imglib2.util.Intervals;

/**
 * Turns the holes of a mask into windows for the network, so that the cost grows with the area of the
 * holes and not with the size of the image.
 * <ol>
 * <li>every hole's bounding box is grown by the dilation (clipped to the image): that is its core;</li>
 * <li>its window is the core plus a context margin, clipped at the image borders;</li>
 * <li>windows that overlap are merged (cores united, margin recomputed) as long as the merged window
 * stays within the largest full-resolution size; windows that would grow larger stay apart and only
 * fill the holes of their own core;</li>
 * <li>each window's sides are rounded up to the network's multiple (at least its minimum size), growing
 * around the holes, shifted to stay inside the image, and mirrored beyond it only when the image is
 * smaller than the window;</li>
 * <li>a window whose longer side exceeds the largest size (a huge hole) is shrunk by the smallest whole
 * factor k that makes it fit; the network fills it at 1/k resolution and the result is enlarged back.</li>
 * </ol>
 */
public final class WindowPlanner {

	private WindowPlanner() {}

	/** Plans windows for an image of {@code width x height} with the given holes. */
	public static List<Window> plan(final long width, final long height, final List<HoleRegion> holes,
		final PlanSettings s)
	{
		final FinalInterval image = new FinalInterval(width, height);
		final List<Cluster> clusters = new ArrayList<>();
		for (final HoleRegion h : holes) {
			final FinalInterval core = Intervals.intersect(Intervals.expand(h.box(), s.dilation()), image);
			clusters.add(new Cluster(core, s.marginFor(core.dimension(0), core.dimension(1)), image));
		}
		mergeOverlapping(clusters, s, image);
		final List<Window> windows = new ArrayList<>(clusters.size());
		for (final Cluster c : clusters)
			windows.add(toWindow(c.window, c.core, s, image));
		return windows;
	}

	private static void mergeOverlapping(final List<Cluster> clusters, final PlanSettings s,
		final FinalInterval image)
	{
		boolean changed = true;
		while (changed) {
			changed = false;
			for (int i = 0; i < clusters.size(); i++) {
				for (int j = i + 1; j < clusters.size(); j++) {
					final Cluster a = clusters.get(i), b = clusters.get(j);
					if (Intervals.isEmpty(Intervals.intersect(a.window, b.window))) continue;
					final FinalInterval core = Intervals.union(a.core, b.core);
					final long margin = Math.max(Math.max(a.margin, b.margin), s.marginFor(core.dimension(0), core
						.dimension(1)));
					final Cluster merged = new Cluster(core, margin, image);
					if (longerSide(merged.window) > s.maxSize() && longerSide(merged.window) > Math.max(longerSide(
						a.window), longerSide(b.window))) continue;
					clusters.set(i, merged);
					clusters.remove(j);
					changed = true;
					j = i; // compare the grown window with all others again
				}
			}
		}
	}

	private static Window toWindow(final FinalInterval window, final FinalInterval core, final PlanSettings s,
		final FinalInterval image)
	{
		final long w = window.dimension(0), h = window.dimension(1);
		final long longer = Math.max(w, h);
		final int scale = longer <= s.maxSize() ? 1 : (int) ((longer + s.maxSize() - 1) / s.maxSize());
		final int netW = netSide(w, scale, s), netH = netSide(h, scale, s);
		return new Window(fit(window, (long) netW * scale, (long) netH * scale, image), core, scale);
	}

	private static int netSide(final long side, final int scale, final PlanSettings s) {
		return Math.max(s.minSize(), PlanSettings.roundUp((side + scale - 1) / scale, s.multiple()));
	}

	/** The same window with its network input enlarged to netW x netH (for batching). */
	public static Window resize(final Window w, final int netW, final int netH, final long width,
		final long height)
	{
		if (netW == w.netWidth() && netH == w.netHeight()) return w;
		return new Window(fit(w.region(), (long) netW * w.scale(), (long) netH * w.scale(), new FinalInterval(width,
			height)), w.core(), w.scale());
	}

	/**
	 * Grows {@code r} to {@code tw x th} around its centre, shifted to stay inside the image when it fits,
	 * else centred on the image (the rest is mirrored).
	 */
	static FinalInterval fit(final Interval r, final long tw, final long th, final Interval image) {
		final long[] min = new long[2], max = new long[2];
		final long[] target = { tw, th };
		for (int d = 0; d < 2; d++) {
			final long size = image.dimension(d);
			final long t = target[d];
			long m = r.min(d) - (t - r.dimension(d)) / 2;
			if (t <= size) m = Math.max(0, Math.min(size - t, m));
			else m = -(t - size) / 2;
			min[d] = m;
			max[d] = m + t - 1;
		}
		return new FinalInterval(min, max);
	}

	/**
	 * Groups windows into batches of at most {@code batchSize}; windows of a batch are enlarged to a common
	 * network size, and a window joins a batch only if that costs at most 50 % more pixels than its own.
	 */
	public static List<List<Window>> batches(final List<Window> windows, final int batchSize, final long width,
		final long height)
	{
		final List<Window> sorted = new ArrayList<>(windows);
		sorted.sort(Comparator.comparingLong((Window w) -> -(long) w.netWidth() * w.netHeight()).thenComparingInt(
			Window::netWidth));
		final List<List<Window>> out = new ArrayList<>();
		List<Window> batch = new ArrayList<>();
		int bw = 0, bh = 0;
		for (final Window w : sorted) {
			final int nw = Math.max(bw, w.netWidth()), nh = Math.max(bh, w.netHeight());
			final boolean fits = batch.size() < batchSize && (long) nw * nh <= 1.5 * w.netWidth() * w.netHeight();
			if (!batch.isEmpty() && !fits) {
				out.add(common(batch, bw, bh, width, height));
				batch = new ArrayList<>();
				bw = 0;
				bh = 0;
			}
			batch.add(w);
			bw = Math.max(bw, w.netWidth());
			bh = Math.max(bh, w.netHeight());
		}
		if (!batch.isEmpty()) out.add(common(batch, bw, bh, width, height));
		return out;
	}

	private static List<Window> common(final List<Window> batch, final int bw, final int bh, final long width,
		final long height)
	{
		final List<Window> out = new ArrayList<>(batch.size());
		for (final Window w : batch)
			out.add(resize(w, bw, bh, width, height));
		return out;
	}

	private static long longerSide(final Interval i) {
		return Math.max(i.dimension(0), i.dimension(1));
	}

	private static final class Cluster {

		final FinalInterval core;
		final long margin;
		final FinalInterval window;

		Cluster(final FinalInterval core, final long margin, final FinalInterval image) {
			this.core = core;
			this.margin = margin;
			this.window = Intervals.intersect(Intervals.expand(core, margin), image);
		}
	}
}
