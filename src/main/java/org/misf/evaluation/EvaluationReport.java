package org.misf.evaluation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.misf.metrics.MetricScores.Metric;
import org.misf.metrics.Csv;
import org.misf.metrics.MetricsException;

/**
 * The evaluation as the paper's Table 2 (rows PSNR, SSIM, L1, LPIPS; columns the mask-ratio bins, then all
 * images) in Markdown, plus CSV files: one row per image ({@code per_image.csv}) and the means per bin
 * ({@code per_bin.csv}). Every table says what was measured and how.
 */
public final class EvaluationReport {

	public static final String MARKDOWN = "evaluation.md", PER_IMAGE = "per_image.csv", PER_BIN = "per_bin.csv";

	private final EvaluationResult result;
	private final String model;
	private final String lpips;
	private final EvaluationOptions options;

	/** {@code lpipsLabel} null when LPIPS was not measured. */
	public EvaluationReport(final EvaluationResult result, final String modelLabel, final String lpipsLabel,
		final EvaluationOptions options)
	{
		this.result = result;
		this.model = modelLabel;
		this.lpips = lpipsLabel;
		this.options = options;
	}

	private List<HoleRatioBin> columns() {
		final List<HoleRatioBin> bins = new ArrayList<>(List.of(HoleRatioBin.UP_TO_20, HoleRatioBin.UP_TO_40,
			HoleRatioBin.UP_TO_60));
		if (!result.in(HoleRatioBin.OTHER).isEmpty()) bins.add(HoleRatioBin.OTHER);
		return bins;
	}

	public String markdown() {
		final StringBuilder sb = new StringBuilder();
		sb.append("# Inpainting evaluation: ").append(model).append("\n\n");
		final List<HoleRatioBin> bins = columns();
		sb.append("| Mask ratio |");
		for (final HoleRatioBin b : bins)
			sb.append(' ').append(b.label()).append(" |");
		sb.append(" All |\n|---|");
		for (int i = 0; i <= bins.size(); i++)
			sb.append("---:|");
		sb.append('\n');
		for (final Metric m : Metric.values()) {
			if (m == Metric.LPIPS && lpips == null) continue;
			sb.append("| ").append(m.title()).append(' ').append(m.arrow()).append(" |");
			for (final HoleRatioBin b : bins)
				sb.append(' ').append(m.format(result.mean(b).get(m))).append(" |");
			sb.append(' ').append(m.format(result.mean(null).get(m))).append(" |\n");
		}
		sb.append("| Images |");
		for (final HoleRatioBin b : bins)
			sb.append(' ').append(result.in(b).size()).append(" |");
		sb.append(' ').append(result.records().size()).append(" |\n\n");
		sb.append("- Images: ").append(options.geometryLabel()).append("; gray images repeated to RGB; holes = mask ")
			.append("pixels > 0 at that size; bins by hole fraction (0,20%], (20,40%], (40,60%].\n");
		sb.append("- Scoring: ").append(options.metrics().label()).append("; L1 = mean |a - b| on [0,1] x 100.\n");
		sb.append("- LPIPS: ").append(lpips == null ? "not measured" : lpips +
			", whole image (the paper reports LPIPS with VGG: values of other backbones are not comparable)")
			.append(".\n");
		if (result.cancelled()) sb.append("- Cancelled before every image was done.\n");
		if (!result.skipped().isEmpty()) {
			sb.append("\nSkipped (").append(result.skipped().size()).append("):\n\n");
			for (final SkippedFile s : result.skipped())
				sb.append("- ").append(s.file()).append(": ").append(s.reason()).append('\n');
		}
		return sb.toString();
	}

	public String perImageCsv() {
		final StringBuilder sb = new StringBuilder("image,mask,width,height,hole_ratio,bin," + Csv.METRIC_HEADER +
			",seconds\n");
		for (final EvaluationRecord r : result.records())
			sb.append(Csv.text(r.image())).append(',').append(Csv.text(r.mask())).append(',').append(r.width()).append(
				',').append(r.height()).append(',').append(Csv.number(r.holeFraction())).append(',').append(Csv.text(r
					.bin().label())).append(',').append(Csv.metrics(r.scores())).append(',').append(Csv.number(r
						.seconds())).append('\n');
		return sb.toString();
	}

	public String perBinCsv() {
		final StringBuilder sb = new StringBuilder("bin,images," + Csv.METRIC_HEADER + "\n");
		final List<HoleRatioBin> bins = columns();
		for (final HoleRatioBin b : bins)
			sb.append(Csv.text(b.label())).append(',').append(result.in(b).size()).append(',').append(Csv.metrics(result
				.mean(b))).append('\n');
		sb.append("all,").append(result.records().size()).append(',').append(Csv.metrics(result.mean(null))).append(
			'\n');
		return sb.toString();
	}

	/** Writes the three files into {@code folder} (created if needed). */
	public void write(final Path folder) {
		try {
			Files.createDirectories(folder);
			Files.write(folder.resolve(MARKDOWN), markdown().getBytes(StandardCharsets.UTF_8));
			Files.write(folder.resolve(PER_IMAGE), perImageCsv().getBytes(StandardCharsets.UTF_8));
			Files.write(folder.resolve(PER_BIN), perBinCsv().getBytes(StandardCharsets.UTF_8));
		}
		catch (final IOException e) {
			throw new MetricsException("The report cannot be written to '" + folder + "': " + e.getMessage(), e);
		}
	}
}
