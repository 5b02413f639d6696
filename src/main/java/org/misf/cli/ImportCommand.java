package org.misf.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

import org.misf.checkpoint.CheckpointImporter;
import org.misf.checkpoint.ImportOptions;
import org.misf.model.InpaintingException;

/**
 * {@code import [--dataset NAME] [--weights-by TEXT] [--id ID] [--name NAME] CHECKPOINT.pth PACKAGE_FOLDER}:
 * turns a MISF generator checkpoint (the authors' release or a bare state dict) into a model package.
 */
public class ImportCommand implements Subcommand {

	static final String USAGE = "usage: import [--dataset NAME] [--weights-by TEXT] [--id ID] [--name NAME] " +
		"CHECKPOINT.pth PACKAGE_FOLDER";

	@Override
	public String name() {
		return "import";
	}

	@Override
	public String summary() {
		return "turn a MISF checkpoint (.pth, e.g. the authors' places2_InpaintingModel_gen.pth) into a model package";
	}

	@Override
	public int run(final List<String> args, final PrintStream out, final PrintStream err) {
		ImportOptions options = ImportOptions.defaults();
		final List<String> positional = new ArrayList<>();
		for (int i = 0; i < args.size(); i++) {
			final String a = args.get(i);
			if (a.equals("-h") || a.equals("--help")) {
				out.println(USAGE);
				out.println("  --dataset NAME     the data the weights were trained on (Places2, CelebA, Dunhuang, ...)");
				out.println("  --weights-by TEXT  who made the weights (default: " + ImportOptions.MISF_AUTHORS + ")");
				out.println("  --id ID            package id (default: misf-<dataset or file name>)");
				out.println("  --name NAME        display name of the package");
				out.println("PACKAGE_FOLDER must not exist (or be empty); nothing is written if the import fails.");
				return 0;
			}
			if (a.startsWith("--")) {
				final int eq = a.indexOf('=');
				final String key = eq < 0 ? a : a.substring(0, eq);
				final String value;
				if (eq >= 0) value = a.substring(eq + 1);
				else if (i + 1 < args.size()) value = args.get(++i);
				else return usage(err, key + " needs a value.");
				switch (key) {
					case "--dataset":
						options = options.withDataset(value);
						break;
					case "--weights-by":
						options = options.withWeightsBy(value);
						break;
					case "--id":
						options = options.withId(value);
						break;
					case "--name":
						options = options.withName(value);
						break;
					default:
						return usage(err, "Unknown option " + key + ".");
				}
			}
			else positional.add(a);
		}
		if (positional.size() != 2) return usage(err, "Give a checkpoint file and a new package folder.");
		final Path checkpoint = Paths.get(positional.get(0));
		final Path folder = Paths.get(positional.get(1));
		final long start = System.nanoTime();
		try {
			final Path pkg = CheckpointImporter.importCheckpoint(checkpoint, folder, options, null);
			out.printf("Imported %s into %s in %.1f s.%n", checkpoint.getFileName(), pkg, (System.nanoTime() - start) / 1e9);
			return 0;
		}
		catch (final InpaintingException e) {
			err.println(e.getMessage());
			return 2;
		}
	}

	private static int usage(final PrintStream err, final String problem) {
		err.println(problem);
		err.println(USAGE);
		return 2;
	}
}
