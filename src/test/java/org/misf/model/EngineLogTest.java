package org.misf.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

/**
 * Starting the engine raises libtorch's C++ log threshold to errors, so its warnings (NNPACK's "Could not
 * initialize NNPACK!" on CPUs without the instructions it wants) never reach the user; the child-JVM runs of
 * {@code cli/RecordFaultsTest} check that nothing of it reaches standard error.
 */
class EngineLogTest {

	@Test
	void startingTheEngineQuietsLibtorchsWarnings() {
		assumeTrue(System.getenv("TORCH_CPP_LOG_LEVEL") == null, "the user's own level is kept");
		EngineThreads.engine();
		assertEquals(EngineLog.ERROR, EngineLog.level());
	}
}
