package org.misf.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.misf.evaluation.Evaluation;
import org.misf.evaluation.EvaluationOptions;
import org.misf.evaluation.EvaluationReport;
import org.misf.evaluation.EvaluationResult;
import org.misf.evaluation.SkippedFile;
import org.misf.metrics.LpipsModel;
import org.misf.model.Device;
import org.misf.model.Inpainter;
import org.misf.model.Inpainters;
import org.misf.model.InpaintingException;
import org.misf.model.ModelPackage;

/**
 * {@code evaluate --images DIR --masks DIR -o OUT}: inpaints every image with a mask and reports PSNR, SSIM,
 * L1 and LPIPS per mask-ratio bin like the paper's Table 2 (Markdown) plus per-image and per-bin CSV files.
 */
public final class EvaluateCommand implements Subcommand {

	private static final String USAGE = String.join("\n",
		"Usage: evaluate --images DIR --masks DIR [-o OUT_DIR] [options]",
		"Inpaints every image of DIR with a mask, scores the result against the original and writes",
		"OUT_DIR/evaluation.md (Table 2 layout: PSNR, SSIM, L1, LPIPS per hole-ratio bin 0-20/20-40/40-60%),",
		"OUT_DIR/per_image.csv and OUT_DIR/per_bin.csv (default OUT_DIR: ./evaluation). Unusable files are skipped",
		"and listed; the rest goes on.",
		"Options:",
		"  --model PATH|default   MISF model package (default: the shipped one)",
		"  --size N|native        N (default 256): centre square crop + bilinear resize to NxN like the authors'",
		"                         test (Pillow-exact); native: images at their own size",
		"  --pair order|name      order (default): image i (sorted) takes mask i modulo the number of masks, as",
		"                         the authors' test; name: the mask with the image's base name",
		"  --hole-only            score only hole pixels (PSNR/L1 over them, SSIM map averaged over them)",
		ScoringSettings.USAGE,
		"  --save-images          also write each reference, mask and result (TIFF) to OUT_DIR/images",
		"  --quiet                no progress bar",
		"Exit codes: 0 all images scored, 1 some skipped (listed), 2 bad usage or nothing could be scored.");

	@Override
	public String name() { return "evaluate"; }

	@Override
	public String summary() {
		return "inpaint a folder of images with masks and report PSNR/SSIM/L1/LPIPS per mask-ratio bin";
	}

	@Override
	public int run(final List<String> args, final PrintStream out, final PrintStream err) {
		final Options o;
		final EvaluationOptions options;
		final List<Path> images, masks;
		final Path outDir;
		try {
			final Set<String> valued = new HashSet<>(ScoringSettings.WITH_VALUE);
			valued.addAll(Arrays.asList("images", "masks", "out", "model", "size", "pair"));
			o = new Options(args, valued, new HashSet<>(Arrays.asList("help", "hole-only", "save-images", "quiet")));
			if (o.has("help")) {
				out.println(USAGE);
				return 0;
			}
			if (!o.has("images") || !o.has("masks") || !o.positional().isEmpty()) throw new Options.UsageException(
				"evaluate needs --images DIR and --masks DIR (and no other arguments).");
			outDir = Paths.get(o.get("out", "evaluation"));
			final String size = o.get("size", "256");
			final String pair = o.get("pair", "order");
			if (!pair.equals("order") && !pair.equals("name")) throw new Options.UsageException(
				"--pair needs order or name, not '" + pair + "'.");
			options = EvaluationOptions.PAPER.withSize(size.equals("native") ? 0 : o.getInt("size", 256)).withMetrics(
				ScoringSettings.metricOptions(o, o.has("hole-only"))).withPairByName(pair.equals("name")).withSaveDir(o
					.has("save-images") ? outDir.resolve("images") : null);
			images = Evaluation.listFiles(Paths.get(o.get("images", "")), "image");
			masks = Evaluation.listFiles(Paths.get(o.get("masks", "")), "mask");
		}
		catch (final Options.UsageException | InpaintingException e) {
			err.println("error: " + e.getMessage());
			if (e instanceof Options.UsageException) err.println("(evaluate --help shows the options)");
			return 2;
		}
		final ProgressBar bar = new ProgressBar(err, !o.has("quiet"));
		final EvaluationResult result;
		final String modelLabel, lpipsLabel;
		final Device device;
		try {
			device = Device.parse(o.get("device", "auto"));
			final String m = o.get("model", "default");
			final ModelPackage pkg = ModelPackage.open(m);
			try (Inpainter inpainter = Inpainters.open(pkg, device); LpipsModel lpips = ScoringSettings.openLpips(o,
				"auto"))
			{
				modelLabel = pkg.name() + " (" + pkg.id() + " " + pkg.version() + ")";
				lpipsLabel = lpips == null ? null : lpips.label();
				result = new Evaluation(inpainter, lpips, options).run(images, masks, bar);
			}
		}
		catch (final InpaintingException e) {
			bar.finish();
			err.println("error: " + e.getMessage());
			return 2;
		}
		bar.finish();
		final EvaluationReport report = new EvaluationReport(result, modelLabel, lpipsLabel, options);
		try {
			report.write(outDir);
		}
		catch (final InpaintingException e) {
			err.println("error: " + e.getMessage());
			return 2;
		}
		out.print(report.markdown());
		out.println();
		out.println("Written: " + outDir.resolve(EvaluationReport.MARKDOWN) + ", " + outDir.resolve(
			EvaluationReport.PER_IMAGE) + ", " + outDir.resolve(EvaluationReport.PER_BIN));
		for (final SkippedFile s : result.skipped())
			err.println("skipped " + s);
		if (result.records().isEmpty()) {
			err.println("error: no image could be scored.");
			return 2;
		}
		return result.skipped().isEmpty() && !result.cancelled() ? 0 : 1;
	}
}
