package org.misf.cli;

import org.misf.model.EngineThreads;

import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The {@code --threads N} option of the commands that run the network: PyTorch's intra-op threads instead of the
 * default that {@link EngineThreads} chooses (the idle physical cores).
 */
final class ThreadsOption {

	@Option(names = "--threads", paramLabel = "N",
		description = "CPU threads for the network (default: the physical cores that are idle at start)")
	Integer threads;

	/** Hands the count to {@link EngineThreads} before any model loads; a count below 1 is a usage error. */
	void apply(final CommandLine cl) {
		if (threads == null) return;
		if (threads < 1) throw new CommandLine.ParameterException(cl, "--threads needs a number of 1 or more.");
		EngineThreads.use(threads);
	}
}
