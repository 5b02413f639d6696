package org.misf.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

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

	/**
	 * Busy cores from two samples of /proc/stat's "cpu" line (user nice system idle iowait irq softirq steal):
	 * 400 ticks passed on 4 CPUs, 100 of them idle, 100 nice (niced jobs yield: idle for us), 50 waiting for
	 * I/O, 50 this process's own: 1 - (250 + 50) / 400 of 4 CPUs = 1 busy core.
	 */
	@Test
	void busyCoresAreOtherWorkBetweenTwoSamples() {
		final long[] before = EngineThreads.cpuTimes(List.of("cpu  1000 500 300 4000 100 0 0 0 0 0", "cpu0 1 2 3"));
		final long[] after = EngineThreads.cpuTimes(List.of("cpu  1100 600 350 4100 150 0 0 0 0 0"));
		assertEquals(1.0, EngineThreads.busyCores(before, after, 50, 4), 1e-9);
		assertEquals(0.0, EngineThreads.busyCores(before, after, 400, 4), 1e-9, "all of it this process's own");
		assertEquals(-1, EngineThreads.busyCores(after, after, 0, 4), "no time passed: unknown");
	}

	@Test
	void physicalCoresAreBetweenOneAndTheLogicalProcessors() {
		final int logical = Runtime.getRuntime().availableProcessors();
		assertTrue(EngineThreads.physicalCores() >= 1 && EngineThreads.physicalCores() <= logical);
	}
}
