package org.misf.cli;

import java.io.PrintStream;
import java.util.List;

/**
 * One command of the {@code java -jar} command line ({@code inpaint}, {@code bench}, {@code evaluate},
 * {@code import}, ...). Implementations are listed in
 * {@code META-INF/services/org.misf.cli.Subcommand} and found with {@link java.util.ServiceLoader}.
 */
public interface Subcommand {

	/** The word that selects this command, e.g. "inpaint". */
	String name();

	/** One line for the command list. */
	String summary();

	/**
	 * Runs the command. Returns the process exit code: 0 success, 1 some inputs failed (the rest done),
	 * 2 bad usage or nothing could be done. Errors are one sentence on {@code err}.
	 */
	int run(List<String> args, PrintStream out, PrintStream err);
}
