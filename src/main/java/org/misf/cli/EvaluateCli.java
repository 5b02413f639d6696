package org.misf.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.misf.evaluation.Evaluation;
import org.misf.evaluation.EvaluationOptions;
import org.misf.evaluation.EvaluationReport;
import org.misf.evaluation.EvaluationResult;
import org.misf.evaluation.SkippedFile;
import org.misf.metrics.LpipsModel;
import org.misf.model.Device;
import org.misf.model.Inpainter;
import org.misf.model.Inpainters;
import org.misf.model.ModelPackage;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code evaluate --images DIR --masks DIR -o OUT}: inpaints every image with a mask and reports PSNR, SSIM,
 * L1 and LPIPS per mask-ratio bin like the paper's Table 2 (Markdown) plus per-image and per-bin CSV files.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true, versionProvider = Version.class, sortOptions = false,
	header = "Inpaints a folder of images with masks and reports PSNR/SSIM/L1/LPIPS per hole-ratio bin (Table 2).",
	description = "Inpaints every image of a folder with a mask, scores the result against the original and writes " +
		"OUT/evaluation.md (Table 2 layout: PSNR, SSIM, L1, LPIPS per hole-ratio bin 0-20/20-40/40-60%%), " +
		"OUT/per_image.csv and OUT/per_bin.csv. Unusable files are skipped and listed; the rest goes on.",
	footer = "Exit codes: 0 all images scored, 1 some skipped (listed), 2 bad usage or nothing could be scored.")
final class EvaluateCli implements Callable<Integer> {

	private static final String ORDER = "order", NAME = "name", NATIVE = "native";

	@Spec
	CommandSpec spec;

	@Option(names = "--images", required = true, paramLabel = "DIR", description = "the reference images")
	Path images;

	@Option(names = "--masks", required = true, paramLabel = "DIR", description = "the masks (non-zero = hole)")
	Path masks;

	@Option(names = { "-o", "--out" }, paramLabel = "OUT", defaultValue = "evaluation",
		description = "the folder for the report (default ./${DEFAULT-VALUE})")
	Path outDir;

	@Option(names = "--model", paramLabel = "PATH|default", defaultValue = ModelPackage.DEFAULT_WORD,
		description = "MISF model package (default: the shipped one)")
	String model;

	@Option(names = "--size", paramLabel = "N|native", defaultValue = "256", description = "N (default 256): centre square crop + bilinear resize to NxN like the authors' test (Pillow-exact); native: images at their own size")
	String size;

	@Option(names = "--pair", paramLabel = "order|name", defaultValue = ORDER, description = "order (default): image i (sorted) takes mask i modulo the number of masks, as the authors' test; name: the mask with the image's base name")
	String pair;

	@Option(names = "--hole-only", description = "score only hole pixels (PSNR/L1 over them, SSIM map averaged over them)")
	boolean holeOnly;

	@Mixin
	ScoringOptions scoring;

	@Option(names = "--save-images", description = "also write each reference, mask and result (TIFF) to OUT/images")
	boolean saveImages;

	@Option(names = "--quiet", description = "no progress bar")
	boolean quiet;

	private final PrintStream out, err;

	EvaluateCli(final PrintStream out, final PrintStream err) {
		this.out = out;
		this.err = err;
	}

	@Override
	public Integer call() {
		if (!pair.equals(ORDER) && !pair.equals(NAME)) throw new CommandLine.ParameterException(spec.commandLine(),
			"--pair needs order or name, not '" + pair + "'.");
		final EvaluationOptions options = EvaluationOptions.PAPER.withSize(size()).withMetrics(scoring.metricOptions(
			holeOnly)).withPairByName(pair.equals(NAME)).withSaveDir(saveImages ? outDir.resolve("images") : null);
		final List<Path> imageFiles = Evaluation.listFiles(images, "image");
		final List<Path> maskFiles = Evaluation.listFiles(masks, "mask");
		final ProgressBar bar = new ProgressBar(err, !quiet);
		final EvaluationResult result;
		final String modelLabel, lpipsLabel;
		try {
			final ModelPackage pkg = ModelPackage.open(model);
			try (Inpainter inpainter = Inpainters.open(pkg, scoring.device == null ? Device.AUTO : scoring.device);
				LpipsModel lpips = scoring.openLpips(Device.AUTO))
			{
				modelLabel = pkg.name() + " (" + pkg.id() + " " + pkg.version() + ")";
				lpipsLabel = lpips == null ? null : lpips.label();
				result = new Evaluation(inpainter, lpips, options).run(imageFiles, maskFiles, bar);
			}
		}
		finally {
			bar.finish();
		}
		final EvaluationReport report = new EvaluationReport(result, modelLabel, lpipsLabel, options);
		report.write(outDir);
		out.print(report.markdown());
		out.println();
		out.println("Written: " + outDir.resolve(EvaluationReport.MARKDOWN) + ", " + outDir.resolve(
			EvaluationReport.PER_IMAGE) + ", " + outDir.resolve(EvaluationReport.PER_BIN));
		for (final SkippedFile s : result.skipped())
			err.println("skipped " + s);
		if (result.records().isEmpty()) {
			err.println("error: no image could be scored.");
			return Main.USAGE;
		}
		return result.skipped().isEmpty() && !result.cancelled() ? 0 : 1;
	}

	private int size() {
		if (size.trim().equalsIgnoreCase(NATIVE)) return 0;
		try {
			final int n = Integer.parseInt(size.trim());
			if (n > 0) return n;
		}
		catch (final NumberFormatException e) {
			// below
		}
		throw new CommandLine.ParameterException(spec.commandLine(), "--size needs a positive whole number or native, not '" +
			size + "'.");
	}
}
