package org.misf.cli;

/**
 * The {@code --threads N} option: PyTorch's intra-op threads, set through DJL's system property before the
 * engine starts. On a machine shared with other busy processes fewer threads can be much faster, because
 * PyTorch's threads wait for each other at every operation.
 */
final class Threads {

	static final String PROPERTY = "ai.djl.pytorch.num_threads";

	private Threads() {}

	static void apply(final Options o) {
		if (!o.has("threads")) return;
		final int n = o.getInt("threads", 0);
		if (n < 1) throw new Options.UsageException("--threads needs a number of 1 or more.");
		System.setProperty(PROPERTY, Integer.toString(n));
	}
}
