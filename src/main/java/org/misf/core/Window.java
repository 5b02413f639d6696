package org.misf.core;

import net.imglib2.FinalInterval;
import net.imglib2.Interval;

/**
 * A piece of the image the network sees in one go.
 * <ul>
 * <li>{@code region}: the pixels read (image coordinates x, y); it may reach beyond the image, where the
 * image and mask are mirrored;</li>
 * <li>{@code core}: the holes this window is responsible for; only hole pixels inside it are written back;</li>
 * <li>{@code scale}: 1 at full resolution, or k &gt; 1 when the region is shrunk k times (k x k block
 * averages) for the network and the result is enlarged again (bilinear) before pasting.</li>
 * </ul>
 * The network input is {@code region / scale}, whose sides are multiples of the model's size step.
 */
public final class Window {

	private final FinalInterval region;
	private final FinalInterval core;
	private final int scale;

	public Window(final Interval region, final Interval core, final int scale) {
		if (region.dimension(0) % scale != 0 || region.dimension(1) % scale != 0)
			throw new IllegalArgumentException("window region is not a multiple of its scale");
		this.region = new FinalInterval(region);
		this.core = new FinalInterval(core);
		this.scale = scale;
	}

	public FinalInterval region() { return region; }

	public FinalInterval core() { return core; }

	public int scale() { return scale; }

	/** Network input width. */
	public int netWidth() { return (int) (region.dimension(0) / scale); }

	/** Network input height. */
	public int netHeight() { return (int) (region.dimension(1) / scale); }

	@Override
	public String toString() {
		return "window " + region.min(0) + "," + region.min(1) + " " + region.dimension(0) + "x" +
			region.dimension(1) + (scale > 1 ? " at 1/" + scale : "") + " -> " + netWidth() + "x" + netHeight();
	}
}
