package org.misf.core;

/** What {@link WindowedInpainting} did: hole pixels filled, windows run, the largest network input. */
public final class InpaintingReport {

	private final long holePixels;
	private final int windows;
	private final int scaledWindows;
	private final long largestInput;
	private final IntensityMapping mapping;
	private final int holes;

	InpaintingReport(final long holePixels, final int windows, final int scaledWindows, final long largestInput,
		final IntensityMapping mapping, final int holes)
	{
		this.holes = holes;
		this.holePixels = holePixels;
		this.windows = windows;
		this.scaledWindows = scaledWindows;
		this.largestInput = largestInput;
		this.mapping = mapping;
	}

	/** Hole pixels (per plane, after dilation) that were written; 0 = the image is unchanged. */
	public long holePixels() { return holePixels; }

	public int windows() { return windows; }

	/** Connected holes (8-connectivity) found in the mask, before dilation. */
	public int holes() { return holes; }

	/** Windows that were too large for full resolution and ran shrunk. */
	public int scaledWindows() { return scaledWindows; }

	/** Pixels (width x height) of the largest network input used. */
	public long largestInput() { return largestInput; }

	/** The intensity mapping used, or null when nothing was done. */
	public IntensityMapping mapping() { return mapping; }
}
