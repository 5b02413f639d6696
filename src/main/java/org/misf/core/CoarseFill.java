package org.misf.core;

/**
 * The coarse fill of one huge hole ({@link Window.Role#COARSE}), as plain numbers that can be kept in a file or
 * sent to another process: which of the plan's coarse windows it is, the region it was run on (batching may have
 * enlarged it), and the network's output and mask ({@code 3 x H x W} and {@code H x W}). Every block's refine
 * tiles read all of them ({@link BlockRun}).
 */
public final class CoarseFill {

	/** Index into {@link BlockPlan#coarse()}. */
	public final int index;

	/** The region run: min x, min y, width, height. */
	public final long[] region;

	public final float[] image, mask;

	public CoarseFill(final int index, final long[] region, final float[] image, final float[] mask) {
		this.index = index;
		this.region = region.clone();
		this.image = image;
		this.mask = mask;
	}

	static CoarseFill of(final int index, final WindowOutput o) {
		final net.imglib2.FinalInterval r = o.window().region();
		return new CoarseFill(index, new long[] { r.min(0), r.min(1), r.dimension(0), r.dimension(1) }, o.image(), o
			.mask());
	}

	WindowOutput output(final BlockPlan plan) {
		final Window w = plan.coarse().get(index).withRegion(new net.imglib2.FinalInterval(new long[] { region[0],
			region[1] }, new long[] { region[0] + region[2] - 1, region[1] + region[3] - 1 }));
		if (image.length != 3 * w.netWidth() * w.netHeight() || mask.length != w.netWidth() * w.netHeight())
			throw new IllegalArgumentException("a coarse fill of another size");
		return new WindowOutput(w, image, mask, 0);
	}
}
