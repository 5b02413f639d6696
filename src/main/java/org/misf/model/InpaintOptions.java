package org.misf.model;

import org.misf.core.PlanSettings;

/**
 * How to inpaint: hole dilation, window context margin, batch size and intensity mapping.
 * Immutable; the {@code with...} methods return changed copies.
 */
public final class InpaintOptions {

	/** Defaults: no dilation, automatic margin, batch of 4 windows, automatic intensity range. */
	public static final InpaintOptions DEFAULTS = new InpaintOptions(0, -1, 4, Double.NaN, Double.NaN);

	private final int dilation;
	private final int margin;
	private final int batchSize;
	private final double rangeMin;
	private final double rangeMax;

	private InpaintOptions(final int dilation, final int margin, final int batchSize, final double rangeMin,
		final double rangeMax)
	{
		if (dilation < 0 || dilation > PlanSettings.MAX_DILATION) throw new InpaintingException("Dilation must be 0 to " +
			PlanSettings.MAX_DILATION + " pixels, not " + dilation + ".");
		if (batchSize < 1) throw new InpaintingException("Batch size must be at least 1, not " + batchSize + ".");
		if (!Double.isNaN(rangeMin) && !(rangeMax > rangeMin))
			throw new InpaintingException("The intensity range maximum (" + rangeMax +
				") must be greater than its minimum (" + rangeMin + ").");
		this.dilation = dilation;
		this.margin = margin;
		this.batchSize = batchSize;
		this.rangeMin = rangeMin;
		this.rangeMax = rangeMax;
	}

	/** Grow every hole by this many pixels before inpainting (covers damage edges). */
	public int dilation() { return dilation; }

	/** Context around each hole in pixels; negative = automatic (chosen from the hole size). */
	public int margin() { return margin; }

	/** Windows per network call. */
	public int batchSize() { return batchSize; }

	/** Intensity that maps to 0, or NaN for automatic (the type range for integer types). */
	public double rangeMin() { return rangeMin; }

	/** Intensity that maps to 1, or NaN for automatic. */
	public double rangeMax() { return rangeMax; }

	public boolean hasExplicitRange() { return !Double.isNaN(rangeMin); }

	public InpaintOptions withDilation(final int px) {
		return new InpaintOptions(px, margin, batchSize, rangeMin, rangeMax);
	}

	public InpaintOptions withMargin(final int px) {
		return new InpaintOptions(dilation, px, batchSize, rangeMin, rangeMax);
	}

	public InpaintOptions withBatchSize(final int n) {
		return new InpaintOptions(dilation, margin, n, rangeMin, rangeMax);
	}

	/** Map [min, max] to the network's [0, 1] (e.g. ImageJ's display range); values outside are clamped for the network only. */
	public InpaintOptions withRange(final double min, final double max) {
		return new InpaintOptions(dilation, margin, batchSize, min, max);
	}
}
