package org.misf.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

class EngineThreadsTest {

	@Test
	void theIdlePhysicalCoresAtLeastOne() {
		assertEquals(4, EngineThreads.idleCores(4, 0.2));
		assertEquals(3, EngineThreads.idleCores(4, 1.2));
		assertEquals(1, EngineThreads.idleCores(2, 2.0)); // two busy jobs on two cores: one thread
		assertEquals(1, EngineThreads.idleCores(2, 7.5));
		assertEquals(8, EngineThreads.idleCores(8, -1)); // unknown load: all physical cores
	}

	@Test
	void busyCoresFollowARealLoad() throws Exception {
		final int logical = Runtime.getRuntime().availableProcessors();
		final double before = EngineThreads.busyCores(300);
		assumeTrue(before >= 0, "no /proc/stat (not Linux): nothing to measure here");
		// another process that keeps one core busy (this process's own time does not count)
		final Process spin = new ProcessBuilder("timeout", "3", "sh", "-c", "while :; do :; done").start();
		Thread.sleep(300);
		final double during = EngineThreads.busyCores(500);
		spin.destroy();
		spin.waitFor();
		assertTrue(during >= 0.7 && during <= logical, "one spinning thread: " + during + " busy cores (idle: " + before +
			")");
		assertTrue(EngineThreads.physicalCores() >= 1 && EngineThreads.physicalCores() <= logical);
	}
}
