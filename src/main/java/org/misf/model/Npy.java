package org.misf.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;

/**
 * A float32 array from a NumPy {@code .npy} file, read by DJL's {@link NDList#decode} (the project's one .npy
 * reader, as for the LPIPS test pairs).
 */
public final class Npy {

	private final long[] shape;
	private final float[] data;

	private Npy(final long[] shape, final float[] data) {
		this.shape = shape;
		this.data = data;
	}

	/** Reads a float32 .npy file; anything else is an {@link InpaintingException}. */
	public static Npy read(final Path file) {
		try (NDManager m = EngineThreads.engine().newBaseManager(); InputStream in = Files.newInputStream(file)) {
			final NDArray a = NDList.decode(m, in).singletonOrThrow();
			if (a.getDataType() != DataType.FLOAT32) throw new InpaintingException("The file " + file +
				" holds " + a.getDataType() + " values, not float32.");
			return new Npy(a.getShape().getShape(), a.toFloatArray());
		}
		catch (final IOException | RuntimeException e) {
			if (e instanceof InpaintingException) throw (InpaintingException) e;
			throw new InpaintingException("The file " + file + " is not a readable float32 .npy array (" + e
				.getMessage() + ").", e);
		}
	}

	public long[] shape() {
		return shape.clone();
	}

	public float[] data() {
		return data;
	}
}
