package org.misf.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.misf.io.RangeChoice;
import org.misf.metrics.Csv;
import org.misf.metrics.HoleMask;
import org.misf.metrics.ImageFiles;
import org.misf.metrics.ImageMetrics;
import org.misf.metrics.IntensityScale;
import org.misf.metrics.LpipsModel;
import org.misf.metrics.MetricImage;
import org.misf.metrics.MetricOptions;
import org.misf.metrics.MetricScores;
import org.misf.model.Device;
import org.misf.model.InpaintingException;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code metrics RESULT REFERENCE [--mask MASK]}: PSNR, SSIM, L1 and LPIPS of one result against its reference. */
@Command(name = "metrics", mixinStandardHelpOptions = true, versionProvider = Version.class, sortOptions = false,
	header = "Scores a result against its reference: PSNR, SSIM, L1, LPIPS (optionally in a mask's hole only).",
	description = "Prints PSNR, SSIM, L1 (mean |a-b| on [0,1] x100) and LPIPS of RESULT against REFERENCE (same " +
		"size and channels). Pixel values reach [0,1] by bit depth: 8-bit and RGB /255, 16-bit /65535, 32-bit as stored.",
	footer = "Exit codes: 0 done, 2 bad usage or the images cannot be compared.")
final class MetricsCli implements Callable<Integer> {

	static final String CSV_HEADER = "result,reference,mask," + Csv.METRIC_HEADER + ",scoring,lpips_model";

	@Spec
	CommandSpec spec;

	@Parameters(index = "0", paramLabel = "RESULT", description = "the image to score")
	Path resultFile;

	@Parameters(index = "1", paramLabel = "REFERENCE", description = "the ground truth")
	Path referenceFile;

	@Option(names = "--mask", paramLabel = "FILE", description = "score only the hole (mask pixels non-zero): PSNR and L1 over the hole pixels, SSIM = the SSIM map averaged over the hole pixels; LPIPS stays whole-image")
	Path maskFile;

	@Mixin
	ScoringOptions scoring;

	@Option(names = "--range", paramLabel = "MIN,MAX",
		description = "map MIN..MAX of gray 8/16/32-bit files to [0,1] instead (e.g. 0,4095 for 12-bit)")
	RangeChoice range;

	@Option(names = "--csv", paramLabel = "FILE", description = "also append the row to FILE (the header is written when FILE is new)")
	Path csv;

	private final PrintStream out;

	MetricsCli(final PrintStream out) {
		this.out = out;
	}

	@Override
	public Integer call() {
		if (range != null && !range.isFixed()) throw new CommandLine.ParameterException(spec.commandLine(),
			"--range needs MIN,MAX, not '" + range + "'.");
		final IntensityScale scale = range == null ? null : IntensityScale.of(range.min(), range.max());
		final MetricImage result = ImageFiles.read(resultFile, scale);
		final MetricImage reference = ImageFiles.read(referenceFile, scale);
		final HoleMask mask = maskFile != null ? ImageFiles.readMask(maskFile) : null;
		final MetricOptions options = scoring.metricOptions(mask != null);
		MetricScores s = ImageMetrics.compute(result, reference, mask, options);
		String lpipsLabel = "";
		try (LpipsModel lpips = scoring.openLpips(Device.CPU)) {
			if (lpips != null) {
				s = s.withLpips(lpips.distance(result, reference));
				lpipsLabel = lpips.label();
			}
		}
		out.println(String.format(Locale.ROOT, "PSNR %.3f dB  SSIM %.4f  L1 %.3f %%  LPIPS %s", s.psnr(), s.ssim(), s
			.l1(), lpipsLabel.isEmpty() ? "not measured" : String.format(Locale.ROOT, "%.4f (%s)", s.lpips(),
				lpipsLabel)));
		out.println("Scoring: " + options.label() + (mask != null ? String.format(Locale.ROOT,
			" (%d hole pixels, %.2f%% of the image)", mask.holeCount(), 100 * mask.holeFraction()) : "") + ".");
		if (csv != null) appendCsv(csv, String.join(",", Csv.text(resultFile.toString()), Csv.text(referenceFile
			.toString()), Csv.text(maskFile == null ? "" : maskFile.toString()), Csv.metrics(s), Csv.text(options
				.label()), Csv.text(lpipsLabel)));
		return 0;
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
