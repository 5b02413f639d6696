package org.misf.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import net.imglib2.FinalInterval;
import net.imglib2.util.Intervals;

/**
 * The windows of a whole image, split into blocks that can be computed one at a time, by any runner, in any
 * order (docs/ARCHITECTURE.md, "Blocks"). It is the plan of the whole image ({@link WindowPlanner} over all its
 * holes, {@link Ownership} over all writing windows in their one order), so a hole near a block's edge is filled
 * by the same window, seeing the same context, as in a run over the whole image; the blocks only decide which
 * runner computes which window:
 * <ul>
 * <li>the image is cut into squares of {@link PlanSettings#blockSide()} pixels from its top-left corner;</li>
 * <li>every writing window (fills and refine tiles) belongs to the block that holds the centre of its holes' box,
 * so it is computed exactly once; its pixels may lie in a neighbouring block (a window is at most the model's
 * largest size) and are written there;</li>
 * <li>the coarse fills of huge holes ({@link Window.Role#COARSE}) belong to no block: they run first, once, and
 * every block's refine tiles read them.</li>
 * </ul>
 * Batches never mix blocks, so a window's batch (and with it its network input, which batching enlarges) is the
 * same whoever runs the block. A plan is a function of the image's size, its holes and the settings alone: any
 * process that has the hole list makes the same plan.
 */
public final class BlockPlan {

	private final long width, height;
	private final int side, across, down;
	private final List<HoleRegion> holes;
	private final List<Window> coarse = new ArrayList<>();
	private final List<Window> writers = new ArrayList<>();
	private final List<List<Integer>> fills = new ArrayList<>(), refines = new ArrayList<>();
	private final int[] holesIn;
	private final Ownership owners;
	private final PlanSettings settings;

	private BlockPlan(final long width, final long height, final List<HoleRegion> holes, final PlanSettings s) {
		this.width = width;
		this.height = height;
		this.holes = Collections.unmodifiableList(new ArrayList<>(holes));
		this.settings = s;
		side = s.blockSide();
		across = (int) ((width + side - 1) / side);
		down = (int) ((height + side - 1) / side);
		if ((long) across * down > Integer.MAX_VALUE / 2) throw new BadInputException("The image is too large to " +
			"plan in blocks of " + side + " pixels.");
		final List<Window> planned = holes.isEmpty() ? Collections.emptyList() : WindowPlanner.plan(width, height,
			holes, s);
		final List<Window> refine = new ArrayList<>();
		for (final Window w : planned) {
			if (w.role() == Window.Role.FILL) writers.add(w);
			else if (w.role() == Window.Role.COARSE) coarse.add(w);
			else refine.add(w);
		}
		writers.addAll(refine);
		owners = new Ownership(writers);
		for (int b = 0; b < across * down; b++) {
			fills.add(new ArrayList<>());
			refines.add(new ArrayList<>());
		}
		for (int i = 0; i < writers.size(); i++) {
			final Window w = writers.get(i);
			final FinalInterval c = w.core();
			final int b = blockAt((c.min(0) + c.max(0)) / 2, (c.min(1) + c.max(1)) / 2);
			(w.role() == Window.Role.REFINE ? refines : fills).get(b).add(i);
		}
		holesIn = new int[across * down];
		for (final HoleRegion h : holes) {
			final FinalInterval box = h.box();
			holesIn[blockAt((box.min(0) + box.max(0)) / 2, (box.min(1) + box.max(1)) / 2)]++;
		}
	}

	/**
	 * The plan of an image of {@code width x height} with these holes (as {@link HoleScanner} finds them, in its
	 * order) and settings.
	 */
	public static BlockPlan of(final long width, final long height, final List<HoleRegion> holes,
		final PlanSettings settings)
	{
		return new BlockPlan(width, height, holes, settings);
	}

	public long width() { return width; }

	public long height() { return height; }

	public PlanSettings settings() { return settings; }

	/** The holes the plan was made from. */
	public List<HoleRegion> holes() { return holes; }

	/** Pixels of all holes (before dilation). */
	public long holePixels() {
		long n = 0;
		for (final HoleRegion h : holes)
			n += h.pixels();
		return n;
	}

	/** Blocks, row by row: {@code blocksAcross() * blocksDown()}. */
	public int blocks() { return across * down; }

	public int blocksAcross() { return across; }

	public int blocksDown() { return down; }

	/** The pixels of block {@code b} (inside the image). */
	public FinalInterval block(final int b) {
		final long x0 = (long) (b % across) * side, y0 = (long) (b / across) * side;
		return new FinalInterval(new long[] { x0, y0 }, new long[] { Math.min(width, x0 + side) - 1, Math.min(height,
			y0 + side) - 1 });
	}

	/** The block holding pixel (x, y). */
	public int blockAt(final long x, final long y) {
		final int bx = (int) Math.max(0, Math.min(across - 1, x / side)), by = (int) Math.max(0, Math.min(down - 1, y /
			side));
		return by * across + bx;
	}

	/** Whether block {@code b} has windows to compute (else it is copied as it is). */
	public boolean hasWork(final int b) {
		return !fills.get(b).isEmpty() || !refines.get(b).isEmpty();
	}

	/**
	 * The box every pixel block {@code b}'s windows write lies in (their holes' boxes: a window writes hole pixels
	 * of its own holes only), or null when it has none. It reaches into neighbouring blocks by at most a window.
	 */
	public FinalInterval reach(final int b) {
		FinalInterval r = null;
		for (final List<Integer> list : Arrays.asList(fills.get(b), refines.get(b)))
			for (final int i : list)
				r = r == null ? writers.get(i).core() : Intervals.union(r, writers.get(i).core());
		return r;
	}

	/** Holes whose box's centre lies in block {@code b} (for progress). */
	public int holesIn(final int b) { return holesIn[b]; }

	/** The coarse fills of huge holes, which run before any block. */
	public List<Window> coarse() { return Collections.unmodifiableList(coarse); }

	/** Every writing window of the image, in the one writing order {@link Ownership} follows. */
	public List<Window> writers() { return Collections.unmodifiableList(writers); }

	/** Indices into {@link #writers()} of block {@code b}'s fills, in writing order. */
	public List<Integer> fills(final int b) { return Collections.unmodifiableList(fills.get(b)); }

	/** Indices into {@link #writers()} of block {@code b}'s refine tiles, in writing order. */
	public List<Integer> refines(final int b) { return Collections.unmodifiableList(refines.get(b)); }

	Ownership owners() { return owners; }

	/**
	 * What inpainting this plan's image did: {@code holePixels} written by {@code windows} (coarse fills included),
	 * with {@code map}, in {@code millis}.
	 */
	public InpaintingReport report(final long holePixels, final int windows, final IntensityMapping map,
		final long millis)
	{
		return new InpaintingReport(holePixels, windows, coarse.size(), 0, holes.isEmpty() ? null : map, holes.size(),
			millis);
	}
}
