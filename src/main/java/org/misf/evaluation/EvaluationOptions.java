package org.misf.evaluation;

import java.nio.file.Path;
import org.misf.metrics.MetricOptions;
import org.misf.metrics.MetricsException;

/**
 * How to evaluate: evaluation size (256 = the authors' test: centre square crop + bilinear resize;
 * 0 = native resolution), scoring options, how images meet masks, and where to save the images scored.
 * Immutable; {@code with...} return copies.
 */
public final class EvaluationOptions {

	/** The authors' test: 256x256, paper protocol, masks paired by sorted order, nothing saved. */
	public static final EvaluationOptions PAPER = new EvaluationOptions(256, MetricOptions.PAPER, false, null);

	private final int size;
	private final MetricOptions metrics;
	private final boolean pairByName;
	private final Path saveDir;

	private EvaluationOptions(final int size, final MetricOptions metrics, final boolean pairByName,
		final Path saveDir)
	{
		if (size < 0) throw new MetricsException("The evaluation size must be positive, or 0 for native resolution.");
		this.size = size;
		this.metrics = metrics;
		this.pairByName = pairByName;
		this.saveDir = saveDir;
	}

	/** Side of the square images are brought to; 0 = native resolution (no crop, no resize). */
	public int size() { return size; }

	public MetricOptions metrics() { return metrics; }

	/**
	 * false (default): image i (sorted by name) takes mask i modulo the number of masks, as the authors'
	 * test did; true: each image takes the mask with the same base name (without extension).
	 */
	public boolean pairByName() { return pairByName; }

	/** Folder for the reference, mask and result of every image (TIFF), or null. */
	public Path saveDir() { return saveDir; }

	public EvaluationOptions withSize(final int s) {
		return new EvaluationOptions(s, metrics, pairByName, saveDir);
	}

	public EvaluationOptions withMetrics(final MetricOptions m) {
		return new EvaluationOptions(size, m, pairByName, saveDir);
	}

	public EvaluationOptions withPairByName(final boolean b) {
		return new EvaluationOptions(size, metrics, b, saveDir);
	}

	public EvaluationOptions withSaveDir(final Path dir) {
		return new EvaluationOptions(size, metrics, pairByName, dir);
	}

	public String geometryLabel() {
		return size == 0 ? "native resolution" : "centre square crop, bilinear resize (Pillow-exact) to " + size +
			"x" + size;
	}
}
