package org.misf;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.misf.model.EngineThreads;

/**
 * Fixes PyTorch's thread counts for a test JVM before its first test class runs: one intra-op thread (unless
 * {@code -Dai.djl.pytorch.num_threads=N} asks for another number) and one inter-op thread. Registered for every
 * test class through META-INF/services/org.junit.jupiter.api.extension.Extension and junit-platform.properties.
 * <p>
 * PyTorch fixes its threads when its engine starts, for the whole JVM. Without this, whichever test came first
 * decided for all later ones: ModelPackageTest asks the engine for the GPU count before anything goes through
 * {@link EngineThreads}, which gave PyTorch's default of one thread per core. And the commands' own default, the
 * cores idle during 0.2 s at start, follows the load at that moment: on this shared 2-core machine it gave 1 or 2
 * threads from run to run, and with 2 threads the model tests ran 3-10 times slower whenever other jobs came up
 * (`mvn -B verify` 8-12 minutes, against 4-5 with one thread; LpipsModelTest 22 s after ModelPackageTest and
 * 0.6 s alone). One fixed thread makes durations and results (which can differ by a grey level between thread
 * counts) the same in every order and under any load. The child JVMs the tests start (ImageJ, the command line)
 * keep the commands' own default.
 */
public final class EngineThreadsFirst implements BeforeAllCallback {

	/** Intra-op threads of the test JVMs, unless -Dai.djl.pytorch.num_threads is given. */
	static final int THREADS = 1;

	private static boolean chosen;

	@Override
	public void beforeAll(final ExtensionContext context) {
		synchronized (EngineThreadsFirst.class) {
			if (chosen) return;
			chosen = true;
			if (System.getProperty(EngineThreads.INTRA_OP) == null) EngineThreads.use(THREADS);
			EngineThreads.applyDefaults(); // the inter-op threads
		}
		System.out.println("PyTorch threads for the tests of this JVM: " + EngineThreads.description());
	}
}
