package org.misf.checkpoint;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;

/** Test fixtures made by training/make_checkpoint_fixtures.py (see its docstring). */
final class Fixtures {

	static final String GOOD = "/org/misf/checkpoint/fixtures/";
	static final String BROKEN = "/org/misf/checkpoint/broken/";
	/** The committed fixed-seed checkpoint (width 8; its skeleton is a test resource). */
	static final String W8 = GOOD + "misf-w8-seed1234.pth";
	/**
	 * How far the engine may be from Python's eager output on the width-8 fixture. Its random weights amplify
	 * rounding: on a CPU with AVX-512 (AMD EPYC, 2026-12-02) libtorch 2.5.1's oneDNN kernels gave 1.7e-3 where the
	 * same run limited to AVX2 ({@code ONEDNN_MAX_CPU_ISA=AVX2}) gave 1e-6; the full-width release layout stays within
	 * 1e-4 on both. A wrong import (a swapped or missing tensor) is off by far more than this bound.
	 */
	static final double PYTHON_PARITY_W8 = 3e-3;

	private Fixtures() {}

	static Path resource(final String name) {
		final URL url = Fixtures.class.getResource(name);
		if (url == null) throw new IllegalStateException("missing test resource " + name);
		try {
			return Paths.get(url.toURI());
		}
		catch (final URISyntaxException e) {
			throw new IllegalStateException(e);
		}
	}

	static Path broken(final String name) {
		return resource(BROKEN + name);
	}

	/** An .npy file as a float array (NDList.decode reads NumPy files). */
	static float[] npy(final Path file) throws IOException {
		try (NDManager manager = NDManager.newBaseManager(); InputStream in = Files.newInputStream(file)) {
			final NDArray array = NDList.decode(manager, in).singletonOrThrow();
			return array.toFloatArray();
		}
	}

	static float maxAbsDiff(final float[] a, final float[] b) {
		if (a.length != b.length) throw new AssertionError("lengths " + a.length + " and " + b.length + " differ");
		float max = 0;
		for (int i = 0; i < a.length; i++)
			max = Math.max(max, Math.abs(a[i] - b[i]));
		return max;
	}
}
