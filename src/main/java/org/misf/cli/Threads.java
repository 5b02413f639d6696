package org.misf.cli;

import org.misf.model.EngineThreads;

/**
 * The {@code --threads N} option: PyTorch's intra-op threads instead of the default that
 * {@link EngineThreads} chooses (the idle physical cores).
 */
final class Threads {

	private Threads() {}

	static void apply(final Options o) {
		if (!o.has("threads")) return;
		final int n = o.getInt("threads", 0);
		if (n < 1) throw new Options.UsageException("--threads needs a number of 1 or more.");
		EngineThreads.use(n);
	}
}
