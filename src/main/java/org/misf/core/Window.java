package org.misf.core;

import java.util.Collections;
import java.util.List;

import net.imglib2.FinalInterval;
import net.imglib2.Interval;
import net.imglib2.util.Intervals;

/**
 * A piece of the image the network sees in one go.
 * <ul>
 * <li>{@code region}: the pixels read (image coordinates x, y); it may reach beyond the image, where the
 * image and mask are mirrored;</li>
 * <li>{@code cores}: the holes this window is responsible for; only hole pixels inside them are written back
 * (one box for a window around holes, one box per hole for a tile);</li>
 * <li>{@code scale}: 1 at full resolution, or k &gt; 1 when the region is shrunk k times (k x k block
 * averages) for the network and the result is enlarged again (bilinear);</li>
 * <li>{@code role}: see {@link Role}; {@code cell} is where a {@link Role#REFINE} tile's mask holds holes.</li>
 * </ul>
 * The network input is {@code region / scale}, whose sides are multiples of the model's size step.
 */
public final class Window {

	/** What a window's output is for. */
	public enum Role {
		/** Its output fills the hole pixels of its cores. */
		FILL,
		/** A hole too large for full resolution, filled shrunk; the output is only context for REFINE tiles. */
		COARSE,
		/**
		 * A full-resolution tile over a large hole: holes inside its cell are filled, hole pixels outside it
		 * that a COARSE window covers are shown to the network with the coarse fill, as if known.
		 */
		REFINE
	}

	private final FinalInterval region;
	private final List<FinalInterval> cores;
	private final FinalInterval bounds;
	private final int scale;
	private final Role role;
	private final FinalInterval cell;

	public Window(final Interval region, final Interval core, final int scale) {
		this(region, Collections.singletonList(new FinalInterval(core)), scale, Role.FILL, null);
	}

	Window(final Interval region, final List<FinalInterval> cores, final int scale, final Role role,
		final Interval cell)
	{
		if (region.dimension(0) % scale != 0 || region.dimension(1) % scale != 0)
			throw new IllegalArgumentException("window region is not a multiple of its scale");
		if (cores.isEmpty()) throw new IllegalArgumentException("a window without cores");
		this.region = new FinalInterval(region);
		this.cores = Collections.unmodifiableList(cores);
		FinalInterval b = cores.get(0);
		for (final FinalInterval c : cores)
			b = Intervals.union(b, c);
		this.bounds = b;
		this.scale = scale;
		this.role = role;
		this.cell = cell == null ? null : new FinalInterval(cell);
	}

	public FinalInterval region() { return region; }

	/** The bounding box of the cores. */
	public FinalInterval core() { return bounds; }

	public List<FinalInterval> cores() { return cores; }

	public int scale() { return scale; }

	public Role role() { return role; }

	/** For a REFINE tile, the cell whose holes it fills; null otherwise. */
	public FinalInterval cell() { return cell; }

	/** Network input width. */
	public int netWidth() { return (int) (region.dimension(0) / scale); }

	/** Network input height. */
	public int netHeight() { return (int) (region.dimension(1) / scale); }

	/** The same window reading {@code newRegion} (for batching). */
	Window withRegion(final Interval newRegion) {
		return new Window(newRegion, cores, scale, role, cell);
	}

	@Override
	public String toString() {
		return role.name().toLowerCase() + " window " + region.min(0) + "," + region.min(1) + " " + region.dimension(0) +
			"x" + region.dimension(1) + (scale > 1 ? " at 1/" + scale : "") + " -> " + netWidth() + "x" + netHeight() +
			(cores.size() > 1 ? ", " + cores.size() + " holes" : "");
	}
}
