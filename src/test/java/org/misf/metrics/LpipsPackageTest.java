package org.misf.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.nio.file.Paths;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.misf.model.ModelPackage;

/** LPIPS packages are opened and checked by the model layer's package loading; failures stay MetricsExceptions. */
class LpipsPackageTest {

	@Test
	void theShippedPackageOpensAndIsChecked() {
		final LpipsPackage p = LpipsPackage.defaultPackage();
		assertEquals("LPIPS v0.1 (SqueezeNet)", p.name());
		assertEquals("SqueezeNet 1.1", p.backbone());
		assertEquals(17, p.minSize());
		assertEquals("test_output.npy", p.testFile(2).getFileName().toString());
		final Path folder = Paths.get("models", LpipsPackage.DEFAULT_ID);
		assertEquals(p.weights().getFileName(), LpipsPackage.open(folder).weights().getFileName());
		// picking a file inside the folder opens the folder, as for MISF packages
		assertEquals(folder.toAbsolutePath(), LpipsPackage.open(folder.resolve("model.yaml")).folder());
	}

	@Test
	void aMisfPackageOrNothingIsAClearMetricsError(@TempDir final Path tmp) {
		final MetricsException misf = assertThrows(MetricsException.class, () -> LpipsPackage.open(Paths.get("models",
			ModelPackage.DEFAULT_ID)));
		assertTrue(misf.getMessage().contains("is not an LPIPS package"), misf.getMessage());
		final MetricsException none = assertThrows(MetricsException.class, () -> LpipsPackage.open(tmp.resolve(
			"missing")));
		assertTrue(none.getMessage().startsWith("There is no LPIPS package at"), none.getMessage());
	}
}
