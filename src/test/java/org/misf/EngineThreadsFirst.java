package org.misf;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.misf.model.EngineThreads;

/**
 * Chooses PyTorch's thread counts ({@link EngineThreads#applyDefaults}) before any test class runs, as the
 * commands do before their first model loads. PyTorch fixes its threads when its engine starts, and some tests
 * (and some production paths, such as the checkpoint import reading the PyTorch version) start the engine without
 * going through {@link EngineThreads}: whichever test came first then decided the threads of every later test in
 * that JVM, PyTorch's own default of one per core when it was such a test, which made the model tests after it up
 * to 100 times slower on a busy machine. Registered for every test class through
 * META-INF/services/org.junit.jupiter.api.extension.Extension and junit-platform.properties.
 */
public final class EngineThreadsFirst implements BeforeAllCallback {

	private static boolean told;

	@Override
	public void beforeAll(final ExtensionContext context) {
		EngineThreads.applyDefaults(); // once: afterwards the properties are set and it returns at once
		synchronized (EngineThreadsFirst.class) {
			if (told) return;
			told = true;
		}
		// the durations of the model tests depend on it: said once in the output of each test JVM
		System.out.println("PyTorch threads for the tests of this JVM: " + EngineThreads.description());
	}
}
