package org.misf.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.misf.metrics.Csv;
import org.misf.metrics.HoleMask;
import org.misf.metrics.ImageFiles;
import org.misf.metrics.ImageMetrics;
import org.misf.metrics.IntensityScale;
import org.misf.metrics.LpipsModel;
import org.misf.metrics.MetricImage;
import org.misf.metrics.MetricOptions;
import org.misf.metrics.MetricScores;
import org.misf.model.InpaintingException;

/** {@code metrics RESULT REFERENCE [--mask MASK]}: PSNR, SSIM, L1 and LPIPS of one result against its reference. */
public final class MetricsCommand implements Subcommand {

	static final String CSV_HEADER = "result,reference,mask," + Csv.METRIC_HEADER + ",scoring,lpips_model";

	private static final String USAGE = String.join("\n",
		"Usage: metrics RESULT REFERENCE [--mask MASK] [options]",
		"Prints PSNR, SSIM, L1 (mean |a-b| on [0,1] x100) and LPIPS of RESULT against REFERENCE (same size and",
		"channels). Pixel values reach [0,1] by bit depth: 8-bit and RGB /255, 16-bit /65535, 32-bit as stored.",
		"Options:",
		"  --mask FILE            score only the hole (mask pixels non-zero): PSNR and L1 over the hole pixels,",
		"                         SSIM = the SSIM map averaged over the hole pixels; LPIPS stays whole-image",
		ScoringSettings.USAGE,
		"  --range MIN,MAX        map MIN..MAX of gray 8/16/32-bit files to [0,1] instead (e.g. 0,4095 for 12-bit)",
		"  --csv FILE             also append the row to FILE (the header is written when FILE is new)",
		"Exit codes: 0 done, 2 bad usage or the images cannot be compared.");

	@Override
	public String name() { return "metrics"; }

	@Override
	public String summary() {
		return "PSNR / SSIM / L1 / LPIPS of a result against its reference (optionally in a mask's hole only)";
	}

	@Override
	public int run(final List<String> args, final PrintStream out, final PrintStream err) {
		try {
			final Set<String> valued = new HashSet<>(ScoringSettings.WITH_VALUE);
			valued.addAll(Arrays.asList("mask", "range", "csv"));
			final Options o = new Options(args, valued, new HashSet<>(Arrays.asList("help")));
			if (o.has("help")) {
				out.println(USAGE);
				return 0;
			}
			if (o.positional().size() != 2) throw new Options.UsageException(
				"metrics needs a result image and a reference image.");
			final IntensityScale scale = o.has("range") ? range(o.get("range", "")) : null;
			final Path resultFile = Paths.get(o.positional().get(0)), referenceFile = Paths.get(o.positional().get(1));
			final MetricImage result = ImageFiles.read(resultFile, scale);
			final MetricImage reference = ImageFiles.read(referenceFile, scale);
			final HoleMask mask = o.has("mask") ? ImageFiles.readMask(Paths.get(o.get("mask", ""))) : null;
			final MetricOptions options = ScoringSettings.metricOptions(o, mask != null);
			MetricScores s = ImageMetrics.compute(result, reference, mask, options);
			String lpipsLabel = "";
			try (LpipsModel lpips = ScoringSettings.openLpips(o, "cpu")) {
				if (lpips != null) {
					s = s.withLpips(lpips.distance(result, reference));
					lpipsLabel = lpips.label();
				}
			}
			out.println(String.format(Locale.ROOT, "PSNR %.3f dB  SSIM %.4f  L1 %.3f %%  LPIPS %s", s.psnr(), s.ssim(),
				s.l1(), lpipsLabel.isEmpty() ? "not measured" : String.format(Locale.ROOT, "%.4f (%s)", s.lpips(),
					lpipsLabel)));
			out.println("Scoring: " + options.label() + (mask != null ? String.format(Locale.ROOT,
				" (%d hole pixels, %.2f%% of the image)", mask.holeCount(), 100 * mask.holeFraction()) : "") + ".");
			if (o.has("csv")) appendCsv(Paths.get(o.get("csv", "")), String.join(",", Csv.text(resultFile.toString()),
				Csv.text(referenceFile.toString()), Csv.text(o.get("mask", "")), Csv.metrics(s), Csv.text(options
					.label()), Csv.text(lpipsLabel)));
			return 0;
		}
		catch (final Options.UsageException e) {
			err.println("error: " + e.getMessage());
			err.println("(metrics --help shows the options)");
			return 2;
		}
		catch (final InpaintingException e) {
			err.println("error: " + e.getMessage());
			return 2;
		}
	}

	static IntensityScale range(final String s) {
		final String[] p = s.split(",");
		try {
			if (p.length == 2) return IntensityScale.of(Double.parseDouble(p[0].trim()), Double.parseDouble(p[1]
				.trim()));
		}
		catch (final NumberFormatException e) {
			// below
		}
		throw new Options.UsageException("--range needs MIN,MAX, not '" + s + "'.");
	}

	private static void appendCsv(final Path file, final String row) {
		try {
			if (file.toAbsolutePath().getParent() != null) Files.createDirectories(file.toAbsolutePath().getParent());
			final boolean fresh = !Files.exists(file) || Files.size(file) == 0;
			Files.write(file, ((fresh ? CSV_HEADER + "\n" : "") + row + "\n").getBytes(StandardCharsets.UTF_8),
				StandardOpenOption.CREATE, StandardOpenOption.APPEND);
		}
		catch (final IOException e) {
			throw new InpaintingException("The CSV file '" + file + "' cannot be written: " + e.getMessage(), e);
		}
	}
}
