package org.misf.evaluation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.misf.metrics.MetricScores;
import org.misf.metrics.MetricScores.Metric;

/** Per-image records, skipped inputs, and means per {@link HoleRatioBin} and over all images. */
public final class EvaluationResult {

	private final List<EvaluationRecord> records;
	private final List<SkippedFile> skipped;
	private final boolean cancelled;

	public EvaluationResult(final List<EvaluationRecord> records, final List<SkippedFile> skipped,
		final boolean cancelled)
	{
		this.records = Collections.unmodifiableList(new ArrayList<>(records));
		this.skipped = Collections.unmodifiableList(new ArrayList<>(skipped));
		this.cancelled = cancelled;
	}

	public List<EvaluationRecord> records() { return records; }

	public List<SkippedFile> skipped() { return skipped; }

	/** Whether the user stopped the evaluation before every image was done. */
	public boolean cancelled() { return cancelled; }

	/** Records of one bin (null = all). */
	public List<EvaluationRecord> in(final HoleRatioBin bin) {
		final List<EvaluationRecord> out = new ArrayList<>();
		for (final EvaluationRecord r : records)
			if (bin == null || r.bin() == bin) out.add(r);
		return out;
	}

	/** Arithmetic means of each metric over a bin's records (null = all); NaN when the bin is empty. */
	public MetricScores mean(final HoleRatioBin bin) {
		final List<EvaluationRecord> rs = in(bin);
		final Map<Metric, Double> m = new EnumMap<>(Metric.class);
		for (final Metric k : Metric.values()) {
			double sum = 0;
			for (final EvaluationRecord r : rs)
				sum += r.scores().get(k);
			m.put(k, rs.isEmpty() ? Double.NaN : sum / rs.size());
		}
		return new MetricScores(m.get(Metric.PSNR), m.get(Metric.SSIM), m.get(Metric.L1), m.get(Metric.LPIPS));
	}
}
