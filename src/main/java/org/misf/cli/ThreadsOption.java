package org.misf.cli;

import org.misf.model.EngineThreads;

import picocli.CommandLine.Option;

/**
 * The {@code --threads N} option of the commands that run the network: PyTorch's intra-op threads instead of the
 * default that {@link EngineThreads} chooses (the idle physical cores).
 */
final class ThreadsOption {

	@Option(names = "--threads", paramLabel = "N",
		description = "CPU threads for the network (default: the physical cores that are idle at start)")
	Integer threads;

	/** Hands the count to {@link EngineThreads} (which refuses a count below 1) before any model loads. */
	void apply() {
		if (threads != null) EngineThreads.use(threads);
	}
}
