package org.misf.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.misf.model.Inpainter;
import org.misf.model.Inpainters;
import org.misf.model.ModelPackage;
import org.misf.model.PlainGroundCheck;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code selftest [--model PATH] [--device D]}: replays a package's test pair and prints the largest difference, then
 * how the model fills losses on a few plain grounds ({@link PlainGroundCheck}), as a report.
 */
@Command(name = "selftest", mixinStandardHelpOptions = true, versionProvider = Version.class, sortOptions = false,
	header = {"Replays a model package's test pair and prints the max abs difference from the expected output,",
		"then how the model fills a small and a large loss on plain grounds (paper, plaster, pigments, black)."},
	footer = {"Exit codes: 0 within the package's tolerance, 1 not, 2 the package cannot be used. The plain grounds",
		"are reported, not judged in the exit code: an imported checkpoint or an older package may not hold them."})
final class SelftestCli implements Callable<Integer> {

	@Mixin
	ModelOptions model;

	private final PrintStream out;

	SelftestCli(final PrintStream out) {
		this.out = out;
	}

	@Override
	public Integer call() {
		final ModelPackage pkg = model.modelPackage();
		try (Inpainter inpainter = Inpainters.open(pkg, model.device)) {
			final double diff = pkg.replayTestPair(inpainter);
			final boolean ok = diff <= pkg.testTolerance();
			out.println(String.format(Locale.ROOT, "%s on %s: max abs diff %.3g (tolerance %.3g): %s", pkg, inpainter
				.device(), diff, pkg.testTolerance(), ok ? "OK" : "FAILED"));
			final List<PlainGroundCheck.Score> scores = PlainGroundCheck.run(inpainter);
			out.println("Plain grounds, mean error inside a 12 and a 48 px loss (grey levels; the ground's own colour):");
			for (final PlainGroundCheck.Score s : scores)
				out.println(String.format(Locale.ROOT, "  %-18s %6.1f  (%.1f)  %s", s.ground, s.error, s.flatFillError,
					s.holds() ? "OK" : "NOT HELD"));
			final String problem = PlainGroundCheck.problem(scores);
			out.println(problem == null ? "Plain grounds: OK" : problem);
			return ok ? 0 : 1;
		}
	}
}
