package org.misf.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Collections;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.misf.model.ModelPackage;

class PythonPeerTest {

	@Test
	void aMissingPythonIsSaidAndNotRun() {
		try (PythonPeer p = new PythonPeer("/nonexistent/python3", Paths.get("model.pt"), 1, true, Collections
			.emptyMap()))
		{
			assertFalse(p.available());
			assertTrue(p.status().startsWith("not available: /nonexistent/python3"), p.status());
		}
	}

	@Test
	@Tag("slow") // 5 s: Python starts PyTorch and loads the model
	void debiansPyTorchTimesTheSameTorchScript() {
		final String python = "/usr/bin/python3";
		assumeTrue(Files.isExecutable(Paths.get(python)), "no " + python);
		final Path model = ModelPackage.defaultPackage().weights();
		try (PythonPeer p = new PythonPeer(python, model, 1, false, Collections.singletonMap("OMP_WAIT_POLICY",
			"PASSIVE")))
		{
			assumeTrue(p.available(), "no PyTorch in " + python + ": " + p.status());
			assertTrue(p.status().matches("torch \\d+\\.\\d+.*"), p.status());
			for (int i = 0; i < 2; i++) {
				final long[] t = p.runOnce(1, 32, 48);
				assertTrue(t[0] > 0 && t[1] >= 0 && t[2] >= 0, t[0] + " ns, " + t[1] + " ns CPU, " + t[2] + " faults");
			}
		}
	}
}
