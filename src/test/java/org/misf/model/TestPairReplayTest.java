package org.misf.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Java path (ImgLib2 image, windows, DJL, compositing) reproduces the package's Python test output. */
class TestPairReplayTest {

	private static ModelPackage pkg;
	private static Inpainter inpainter;

	@BeforeAll
	static void open() {
		pkg = ModelPackage.defaultPackage();
		inpainter = Inpainters.open(pkg, Device.CPU);
	}

	@AfterAll
	static void close() {
		inpainter.close();
	}

	@Test
	void javaOutputMatchesPythonOnTheTestPair() {
		final double diff = pkg.replayTestPair(inpainter);
		System.out.println("test pair max abs diff: " + diff);
		assertTrue(diff <= 1e-4, "max abs diff " + diff);
		assertTrue(diff <= pkg.testTolerance(), "max abs diff " + diff + " over the package tolerance");
	}

	@Test
	void packageDescriptorIsRead() {
		assertEquals(ModelPackage.DEFAULT_ID, pkg.id());
		assertEquals(4, pkg.sizeMultiple());
		assertEquals("cpu()", inpainter.device());
		assertEquals(64, pkg.sha256().length());
	}
}
