package org.misf.imagej;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.misf.model.Device;

/** When a run is ImageJ's {@code -batch} (and so may be ended with an exit code), and the words of a device. */
class BatchRunTest {

	@Test
	void onlyAPlainBatchFlagMakesARunUnattended() {
		assertTrue(BatchRun.hasBatchFlag(new String[] { "-Dplugins.dir=/x", "-jar", "ij.jar", "-batch", "m.ijm", "a" }));
		assertTrue(BatchRun.hasBatchFlag(new String[] { "--headless", "-batch", "m.ijm" }), "Fiji's launcher");
		assertFalse(BatchRun.hasBatchFlag(new String[] { "--headless", "-batch-no-exit", "m.ijm" }),
			"a host that keeps running is never ended");
		assertFalse(BatchRun.hasBatchFlag(new String[] { "-macro", "m.ijm" }));
		assertFalse(BatchRun.hasBatchFlag(null));
	}

	@Test
	void thisTestJvmIsNotABatchRun() {
		assertFalse(BatchRun.isActive(), "tests, script hosts and pyimagej are never ended");
		assertEquals("false", BatchRun.unattended());
		assertEquals("The image x does not exist.", BatchRun.fail("The image x does not exist."),
			"outside -batch the macro's exit() shows the sentence");
	}

	@Test
	void devicesAreWrittenAsUsersWriteThem() {
		assertEquals("cpu", Device.word("cpu()"));
		assertEquals("gpu", Device.word("gpu(0)"));
		assertEquals("gpu 1", Device.word("gpu(1)"));
	}
}
