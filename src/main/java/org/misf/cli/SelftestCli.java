package org.misf.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.misf.model.Inpainter;
import org.misf.model.Inpainters;
import org.misf.model.ModelPackage;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code selftest [--model PATH] [--device D]}: replays a package's test pair and prints the largest difference. */
@Command(name = "selftest", mixinStandardHelpOptions = true, versionProvider = Version.class, sortOptions = false,
	header = "Replays a model package's test pair and prints the max abs difference from the expected output.",
	footer = "Exit codes: 0 within the package's tolerance, 1 not, 2 the package cannot be used.")
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
			return ok ? 0 : 1;
		}
	}
}
