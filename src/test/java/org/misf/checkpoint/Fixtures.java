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
