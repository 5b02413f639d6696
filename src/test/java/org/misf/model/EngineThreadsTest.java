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
	void busyCoresFollowARealLoad() throws InterruptedException {
		final int logical = Runtime.getRuntime().availableProcessors();
		final double before = EngineThreads.busyCores(300);
		assumeTrue(before >= 0, "no /proc/stat (not Linux): nothing to measure here");
		final Thread spin = new Thread(() -> {
			final long end = System.nanoTime() + 2_000_000_000L;
			long x = 0;
			while (System.nanoTime() < end)
				x += System.nanoTime() % 7;
			if (x == 42) System.out.print("");
		});
		spin.start();
		Thread.sleep(100);
		final double during = EngineThreads.busyCores(500);
		spin.join();
		assertTrue(during >= 0.7 && during <= logical, "one spinning thread: " + during + " busy cores (idle: " + before +
			")");
		assertTrue(EngineThreads.physicalCores() >= 1 && EngineThreads.physicalCores() <= logical);
	}
}
