package org.misf.core;

/**
 * What one inpainting did: hole pixels filled, holes, windows run (and how many shrunk), the largest network
 * input, the intensity mapping and the time it took. The one result of {@link WindowedInpainting} and of every
 * inpainter.
 */
public final class InpaintingReport {

	/** What an inpainting of an empty mask says. */
	public static final String EMPTY_MASK = "The mask is empty: nothing to inpaint, the image is unchanged.";

	private final long holePixels;
	private final int windows;
	private final int scaledWindows;
	private final long largestInput;
	private final IntensityMapping mapping;
	private final int holes;
	private final long millis;

	InpaintingReport(final long holePixels, final int windows, final int scaledWindows, final long largestInput,
		final IntensityMapping mapping, final int holes, final long millis)
	{
		this.holes = holes;
		this.holePixels = holePixels;
		this.windows = windows;
		this.scaledWindows = scaledWindows;
		this.largestInput = largestInput;
		this.mapping = mapping;
		this.millis = millis;
	}

	/** What an inpainter that is not a window run did (holes not counted: -1). */
	public InpaintingReport(final long holePixels, final int windows, final long millis) {
		this(holePixels, windows, 0, 0, null, -1, millis);
	}

	/** Hole pixels (per plane, after dilation) that were written; 0 = the image is unchanged. */
	public long holePixels() { return holePixels; }

	public int windows() { return windows; }

	/** Connected holes (8-connectivity) found in the mask, before dilation, or -1 when not counted. */
	public int holes() { return holes; }

	/** Windows that were too large for full resolution and ran shrunk. */
	public int scaledWindows() { return scaledWindows; }

	/** Pixels (width x height) of the largest network input used. */
	public long largestInput() { return largestInput; }

	/** The intensity mapping used, or null when nothing was done. */
	public IntensityMapping mapping() { return mapping; }

	/** Milliseconds from the start of the run to the last pixel written. */
	public long millis() { return millis; }

	@Override
	public String toString() {
		return holePixels == 0 ? EMPTY_MASK :
			String.format("Filled %d hole pixels in %d window%s in %.1f s.", holePixels, windows,
				windows == 1 ? "" : "s", millis / 1000.0);
	}
}
