package org.misf.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.misf.batch.RecordAudit;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code verify OUT}: hashes every result of an output folder again and compares it with its record
 * ({@link RecordAudit}, the same check as Fiji's); lists missing, changed and unrecorded results, one a line.
 */
@Command(name = "verify", mixinStandardHelpOptions = true, versionProvider = Version.class,
	header = "Checks every result of an output folder against its record (NAME.json).", footer = {
		"Lists results that are missing (a record without its result), changed (the sha256 differs from the " +
			"record's) or unrecorded (no record), and what cannot be checked.",
		"Exit codes: 0 every result matches its record, 1 some do not, 2 no such folder." })
final class VerifyCli implements Callable<Integer> {

	@Parameters(index = "0", paramLabel = "OUT", description = "an output folder of inpaint or MISF Batch")
	Path folder;

	private final PrintStream out;

	VerifyCli(final PrintStream out) {
		this.out = out;
	}

	@Override
	public Integer call() {
		final RecordAudit audit = RecordAudit.of(folder);
		for (final RecordAudit.Finding f : audit.problems)
			out.println(f.line());
		out.println(audit.summary());
		out.flush();
		return audit.problems.isEmpty() ? 0 : 1;
	}
}
