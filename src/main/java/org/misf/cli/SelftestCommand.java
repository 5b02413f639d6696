package org.misf.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;

import org.misf.model.Device;
import org.misf.model.Inpainter;
import org.misf.model.Inpainters;
import org.misf.model.InpaintingException;
import org.misf.model.ModelPackage;

/** {@code selftest [--model PATH] [--device D]}: replays a package's test pair and prints the largest difference. */
public final class SelftestCommand implements Subcommand {

	@Override
	public String name() { return "selftest"; }

	@Override
	public String summary() {
		return "replay a model package's test pair and print the max abs difference from the expected output";
	}

	@Override
	public int run(final List<String> args, final PrintStream out, final PrintStream err) {
		try {
			final Options o = new Options(args, new HashSet<>(Arrays.asList("model", "device")), Collections.singleton(
				"help"));
			if (o.has("help") || !o.positional().isEmpty()) {
				(o.has("help") ? out : err).println("Usage: selftest [--model PATH|default] [--device auto|cpu|gpu]");
				return o.has("help") ? 0 : 2;
			}
			final ModelPackage pkg = ModelPackage.open(o.get("model", "default"));
			try (Inpainter inpainter = Inpainters.open(pkg, Device.parse(o.get("device", "auto")))) {
				final double diff = pkg.replayTestPair(inpainter);
				final boolean ok = diff <= pkg.testTolerance();
				out.println(String.format(Locale.ROOT, "%s on %s: max abs diff %.3g (tolerance %.3g): %s", pkg, inpainter
					.device(), diff, pkg.testTolerance(), ok ? "OK" : "FAILED"));
				return ok ? 0 : 1;
			}
		}
		catch (final Options.UsageException | InpaintingException e) {
			err.println("error: " + e.getMessage());
			return 2;
		}
	}
}
