package org.misf.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.misf.checkpoint.CheckpointImporter;
import org.misf.checkpoint.ImportOptions;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code import [--dataset NAME] [--weights-by TEXT] [--id ID] [--name NAME] CHECKPOINT.pth PACKAGE_FOLDER}:
 * turns a MISF generator checkpoint (the authors' release or a bare state dict) into a model package.
 */
@Command(name = "import", mixinStandardHelpOptions = true, versionProvider = Version.class, sortOptions = false,
	header = "Turns a MISF checkpoint (.pth, e.g. the authors' places2_InpaintingModel_gen.pth) into a model package.",
	footer = "PACKAGE_FOLDER must not exist (or be empty); nothing is written if the import fails.")
final class ImportCli implements Callable<Integer> {

	@Parameters(index = "0", paramLabel = "CHECKPOINT.pth", description = "the generator checkpoint")
	Path checkpoint;

	@Parameters(index = "1", paramLabel = "PACKAGE_FOLDER", description = "the new package's folder")
	Path folder;

	@Option(names = "--dataset", paramLabel = "NAME", description = "the data the weights were trained on (Places2, CelebA, Dunhuang, ...)")
	String dataset;

	@Option(names = "--weights-by", paramLabel = "TEXT", description = "who made the weights (default: " +
		ImportOptions.MISF_AUTHORS + ")")
	String weightsBy;

	@Option(names = "--id", paramLabel = "ID", description = "package id (default: misf-<dataset or file name>)")
	String id;

	@Option(names = "--name", paramLabel = "NAME", description = "display name of the package")
	String name;

	private final PrintStream out;

	ImportCli(final PrintStream out) {
		this.out = out;
	}

	@Override
	public Integer call() {
		ImportOptions options = ImportOptions.defaults();
		if (dataset != null) options = options.withDataset(dataset);
		if (weightsBy != null) options = options.withWeightsBy(weightsBy);
		if (id != null) options = options.withId(id);
		if (name != null) options = options.withName(name);
		final long start = System.nanoTime();
		final Path pkg = CheckpointImporter.importCheckpoint(checkpoint, folder, options, null);
		out.printf("Imported %s into %s in %.1f s.%n", checkpoint.getFileName(), pkg, (System.nanoTime() - start) / 1e9);
		return 0;
	}
}
