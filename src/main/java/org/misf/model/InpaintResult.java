package org.misf.model;

/** What one inpainting call did: how many hole pixels were filled, in how many windows, in how long. */
public final class InpaintResult {

	private final long holePixels;
	private final int windows;
	private final long millis;
	private final int holes;

	public InpaintResult(final long holePixels, final int windows, final long millis) {
		this(holePixels, windows, millis, -1);
	}

	/** @param holes connected holes in the mask, or -1 when not counted */
	public InpaintResult(final long holePixels, final int windows, final long millis, final int holes) {
		this.holes = holes;
		this.holePixels = holePixels;
		this.windows = windows;
		this.millis = millis;
	}

	/** Pixels (per plane) that were holes and have been filled; 0 means the image is unchanged. */
	public long holePixels() { return holePixels; }

	public int windows() { return windows; }

	public long millis() { return millis; }

	/** Connected holes in the mask (before dilation), or -1 when not counted. */
	public int holes() { return holes; }

	@Override
	public String toString() {
		return holePixels == 0 ? "The mask is empty: nothing to inpaint, the image is unchanged." :
			String.format("Filled %d hole pixels in %d window%s in %.1f s.", holePixels, windows,
				windows == 1 ? "" : "s", millis / 1000.0);
	}
}
