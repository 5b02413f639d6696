package org.misf.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

import net.imglib2.FinalInterval;
import net.imglib2.Interval;
import net.imglib2.util.Intervals;

import org.misf.core.ClusterMerge.Cluster;

/**
 * Turns the holes of a mask into windows for the network, so that the cost grows with the damaged area and not
 * with the size of the image (docs/ARCHITECTURE.md, "Windows, tiles and large holes").
 * <ol>
 * <li>every hole's bounding box is grown by the dilation (clipped to the image): that is its core;</li>
 * <li>the image is covered by overlapping tiles ({@link TileGrid}: {@link PlanSettings#tileSide}, 512 px for
 * MISF, cells at least 64 px inside them);
 * a hole belongs to the tile whose cell holds its centre, if the tile also holds its context margin;</li>
 * <li>per tile, the cost of its holes' own windows (merged where they overlap) is compared with the cost of the
 * tile ({@link #cost}: network pixels plus a per-window overhead); the cheaper wins. Dense damage is thus
 * filled tile by tile, scattered damage window by window;</li>
 * <li>the holes no tile took get windows: core plus context margin, merged where they overlap as long as the
 * merged window stays within the largest full-resolution size ({@link ClusterMerge});</li>
 * <li>window sides are rounded up to the network's multiple (at least its minimum), grown around the holes,
 * shifted to stay inside the image, and mirrored beyond it only when the image is smaller than the window;</li>
 * <li>a window still larger than the largest size (a huge hole) is filled coarse-to-fine: once shrunk by the
 * smallest whole factor that fits ({@link Window.Role#COARSE}), then at full resolution tile by tile
 * ({@link Window.Role#REFINE}), each tile seeing the coarse fill around its cell as context.</li>
 * </ol>
 * Every hole pixel is written by exactly one window: a hole is filled whole by one window or tile (so no seam
 * runs through a small hole), a huge hole cell by cell.
 */
public final class WindowPlanner {

	/** Context every cell keeps inside its tile. */
	static final int TILE_MARGIN = 64;

	/**
	 * A network call's fixed cost, in network pixels: measured with {@code bench} on the default model (one
	 * 72 x 72 window in a batch of 8 costs about as much as 1.6 times its pixels at 512 x 512).
	 */
	static final long WINDOW_OVERHEAD_PX = 3000;

	private WindowPlanner() {}

	/** Plans windows for an image of {@code width x height} with the given holes: fills, then coarse, then refine. */
	public static List<Window> plan(final long width, final long height, final List<HoleRegion> holes,
		final PlanSettings s)
	{
		final FinalInterval image = new FinalInterval(width, height);
		final List<FinalInterval> cores = new ArrayList<>(holes.size());
		for (final HoleRegion h : holes)
			cores.add(Intervals.intersect(Intervals.expand(h.box(), s.dilation()), image));
		final TileGrid grid = grid(width, height, s);
		final List<Window> fills = new ArrayList<>();
		final boolean[] tiled = new boolean[cores.size()];
		if (grid != null) tileDenseDamage(grid, cores, s, image, fills, tiled);

		final List<Cluster> rest = new ArrayList<>();
		for (int i = 0; i < cores.size(); i++)
			if (!tiled[i]) rest.add(ClusterMerge.of(cores.get(i), s, image));
		final List<Window> coarse = new ArrayList<>(), refine = new ArrayList<>();
		for (final Cluster c : ClusterMerge.merge(rest, s, image)) {
			final Window w = toWindow(c, s, image);
			if (w.scale() == 1 || grid == null) fills.add(w);
			else {
				coarse.add(new Window(w.region(), w.cores(), w.scale(), Window.Role.COARSE, null));
				refine.addAll(refineTiles(grid, c.core, s, image));
			}
		}
		final List<Window> out = new ArrayList<>(fills);
		out.addAll(coarse);
		out.addAll(refine);
		return out;
	}

	/** The tiles, or null when the model's sizes or the margin leave no room for them. */
	static TileGrid grid(final long width, final long height, final PlanSettings s) {
		if (!s.tiles()) return null;
		final int side = s.tileSide();
		final long margin = Math.max(TILE_MARGIN, s.margin());
		if (side < s.minSize() || side - 2 * margin < side / 4) return null;
		return new TileGrid(width, height, side, margin);
	}

	/** The side of the tiles (0 when the settings allow none). */
	public static int tileSide(final PlanSettings s) {
		final TileGrid g = grid(1, 1, s);
		return g == null ? 0 : s.tileSide();
	}

	/** How many tiles cover a whole image of this size (the bound dense damage is measured against). */
	public static int wholeImageTiles(final long width, final long height, final PlanSettings s) {
		final TileGrid g = grid(width, height, s);
		return g == null ? 0 : g.tiles();
	}

	/** Groups small holes by tile and gives a tile its holes where that costs less than their own windows. */
	private static void tileDenseDamage(final TileGrid grid, final List<FinalInterval> cores, final PlanSettings s,
		final FinalInterval image, final List<Window> fills, final boolean[] tiled)
	{
		final List<List<Integer>> byTile = new ArrayList<>(Collections.nCopies(grid.tiles(), null));
		for (int i = 0; i < cores.size(); i++) {
			final FinalInterval core = cores.get(i);
			final int t = grid.tileAt((core.min(0) + core.max(0)) / 2, (core.min(1) + core.max(1)) / 2);
			final FinalInterval needed = Intervals.intersect(Intervals.expand(core, s.marginFor(core.dimension(0), core
				.dimension(1))), image);
			if (!Intervals.contains(grid.region(t), needed)) continue;
			if (byTile.get(t) == null) byTile.set(t, new ArrayList<>());
			byTile.get(t).add(i);
		}
		for (int t = 0; t < grid.tiles(); t++) {
			final List<Integer> members = byTile.get(t);
			if (members == null) continue;
			final List<Cluster> own = new ArrayList<>(members.size());
			final List<FinalInterval> memberCores = new ArrayList<>(members.size());
			for (final int i : members) {
				own.add(ClusterMerge.of(cores.get(i), s, image));
				memberCores.add(cores.get(i));
			}
			long windowsCost = 0;
			for (final Cluster c : ClusterMerge.merge(own, s, image)) {
				windowsCost += cost(toWindow(c, s, image));
			}
			final FinalInterval region = grid.region(t);
			final Window tile = new Window(fitToNetwork(region, s, image), memberCores, 1, Window.Role.FILL, null);
			if (cost(tile) > windowsCost) continue;
			fills.add(tile);
			for (final int i : members)
				tiled[i] = true;
		}
	}

	/** Full-resolution tiles over a huge hole's core, one per cell it touches. */
	private static List<Window> refineTiles(final TileGrid grid, final FinalInterval core, final PlanSettings s,
		final FinalInterval image)
	{
		final List<Window> out = new ArrayList<>();
		for (int t = 0; t < grid.tiles(); t++) {
			final FinalInterval part = Intervals.intersect(grid.cell(t), core);
			if (Intervals.isEmpty(part)) continue;
			out.add(new Window(fitToNetwork(grid.region(t), s, image), Collections.singletonList(part), 1,
				Window.Role.REFINE, grid.cell(t)));
		}
		return out;
	}

	/** What running a window costs, in network pixels (see {@link #WINDOW_OVERHEAD_PX}). */
	static long cost(final Window w) {
		return (long) w.netWidth() * w.netHeight() + WINDOW_OVERHEAD_PX;
	}

	private static FinalInterval fitToNetwork(final Interval region, final PlanSettings s, final Interval image) {
		return fit(region, netSide(region.dimension(0), 1, s), netSide(region.dimension(1), 1, s), image);
	}

	/** The window of a cluster; its cores are the cluster's holes, so it writes no part of another hole. */
	private static Window toWindow(final Cluster c, final PlanSettings s, final FinalInterval image) {
		final FinalInterval window = c.window;
		final long w = window.dimension(0), h = window.dimension(1);
		final long longer = Math.max(w, h);
		final int scale = longer <= s.maxSize() ? 1 : (int) ((longer + s.maxSize() - 1) / s.maxSize());
		final int netW = netSide(w, scale, s), netH = netSide(h, scale, s);
		return new Window(fit(window, (long) netW * scale, (long) netH * scale, image), c.members, scale,
			Window.Role.FILL, null);
	}

	private static int netSide(final long side, final int scale, final PlanSettings s) {
		return Math.max(s.minSize(), PlanSettings.roundUp((side + scale - 1) / scale, s.multiple()));
	}

	/** The same window with its network input enlarged to netW x netH (for batching). */
	public static Window resize(final Window w, final int netW, final int netH, final long width,
		final long height)
	{
		if (netW == w.netWidth() && netH == w.netHeight()) return w;
		return w.withRegion(fit(w.region(), (long) netW * w.scale(), (long) netH * w.scale(), new FinalInterval(width,
			height)));
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
	 * Most network pixels in one call: a batch of 512 x 512 tiles ran 25 % slower per tile than one tile at a
	 * time on the CPU (bench), while small windows gain from sharing a call.
	 */
	static final long BATCH_PIXELS = 512L * 512;

	/**
	 * Groups windows into batches of at most {@code batchSize} and {@link #BATCH_PIXELS}; windows of a batch are
	 * enlarged to a common network size, and a window joins a batch only if that costs at most 50 % more pixels
	 * than its own. Returns indices into {@code windows}, largest inputs first.
	 */
	public static List<List<Integer>> batchIndices(final List<Window> windows, final int batchSize) {
		final List<Integer> sorted = new ArrayList<>(windows.size());
		for (int i = 0; i < windows.size(); i++)
			sorted.add(i);
		sorted.sort(Comparator.comparingLong((Integer i) -> -(long) windows.get(i).netWidth() * windows.get(i)
			.netHeight()).thenComparingInt(i -> windows.get(i).netWidth()));
		final List<List<Integer>> out = new ArrayList<>();
		List<Integer> batch = new ArrayList<>();
		int bw = 0, bh = 0;
		for (final int i : sorted) {
			final Window w = windows.get(i);
			final int nw = Math.max(bw, w.netWidth()), nh = Math.max(bh, w.netHeight());
			final boolean fits = batch.size() < batchSize && (long) nw * nh <= 1.5 * w.netWidth() * w.netHeight() &&
				(batch.size() + 1L) * nw * nh <= BATCH_PIXELS;
			if (!batch.isEmpty() && !fits) {
				out.add(batch);
				batch = new ArrayList<>();
				bw = 0;
				bh = 0;
			}
			batch.add(i);
			bw = Math.max(bw, w.netWidth());
			bh = Math.max(bh, w.netHeight());
		}
		if (!batch.isEmpty()) out.add(batch);
		return out;
	}

	/** The windows of one batch, enlarged to the batch's common network size. */
	public static List<Window> batch(final List<Window> windows, final List<Integer> indices, final long width,
		final long height)
	{
		int bw = 0, bh = 0;
		for (final int i : indices) {
			bw = Math.max(bw, windows.get(i).netWidth());
			bh = Math.max(bh, windows.get(i).netHeight());
		}
		final List<Window> out = new ArrayList<>(indices.size());
		for (final int i : indices)
			out.add(resize(windows.get(i), bw, bh, width, height));
		return out;
	}

	/** {@link #batchIndices} as windows. */
	public static List<List<Window>> batches(final List<Window> windows, final int batchSize, final long width,
		final long height)
	{
		final List<List<Window>> out = new ArrayList<>();
		for (final List<Integer> b : batchIndices(windows, batchSize))
			out.add(batch(windows, b, width, height));
		return out;
	}
}
