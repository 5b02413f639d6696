package org.misf.core;

import net.imglib2.FinalInterval;
import net.imglib2.Interval;

/** One connected hole (8-connectivity) of a mask: its bounding box and its number of pixels. */
public final class HoleRegion {

	private final FinalInterval box;
	private final long pixels;

	public HoleRegion(final Interval box, final long pixels) {
		this.box = new FinalInterval(box);
		this.pixels = pixels;
	}

	/** Bounding box in image coordinates (x, y), inclusive. */
	public FinalInterval box() { return box; }

	public long pixels() { return pixels; }

	@Override
	public String toString() {
		return "hole " + box.min(0) + "," + box.min(1) + " " + box.dimension(0) + "x" + box.dimension(1) +
			" (" + pixels + " px)";
	}
}
