package org.misf.evaluation;

import org.misf.metrics.MetricScores;

/** The scores of one image inpainted with one mask, at the evaluation size. */
public final class EvaluationRecord {

	private final String image;
	private final String mask;
	private final int width;
	private final int height;
	private final double holeFraction;
	private final HoleRatioBin bin;
	private final MetricScores scores;
	private final double seconds;

	public EvaluationRecord(final String image, final String mask, final int width, final int height,
		final double holeFraction, final HoleRatioBin bin, final MetricScores scores, final double seconds)
	{
		this.image = image;
		this.mask = mask;
		this.width = width;
		this.height = height;
		this.holeFraction = holeFraction;
		this.bin = bin;
		this.scores = scores;
		this.seconds = seconds;
	}

	public String image() { return image; }

	public String mask() { return mask; }

	public int width() { return width; }

	public int height() { return height; }

	/** Hole pixels / all pixels, at the evaluation size. */
	public double holeFraction() { return holeFraction; }

	public HoleRatioBin bin() { return bin; }

	public MetricScores scores() { return scores; }

	/** Inpainting and scoring time. */
	public double seconds() { return seconds; }
}
