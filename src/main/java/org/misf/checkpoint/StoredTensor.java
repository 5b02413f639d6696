package org.misf.checkpoint;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A tensor of a checkpoint as described by its pickle: a strided view ({@code offset}, {@code shape},
 * {@code stride}, in elements) of a storage. Its values are read only on demand, by
 * {@link TorchCheckpoint#readFloats(StoredTensor)}.
 */
public final class StoredTensor {

	final StorageRef storage;
	final long offset;
	private final long[] shape;
	private final long[] stride;
	private final long elements;

	StoredTensor(final StorageRef storage, final long offset, final long[] shape, final long[] stride,
		final long elements)
	{
		this.storage = storage;
		this.offset = offset;
		this.shape = shape.clone();
		this.stride = stride.clone();
		this.elements = elements;
	}

	public long[] shape() {
		return shape.clone();
	}

	long[] stride() {
		return stride.clone();
	}

	public long elementCount() {
		return elements;
	}

	public StorageType type() {
		return storage.type;
	}

	boolean hasShape(final long[] expected) {
		return Arrays.equals(shape, expected);
	}

	/** Whether the elements are laid out densely in row-major order. */
	boolean isContiguous() {
		long expected = 1;
		for (int d = shape.length - 1; d >= 0; d--) {
			if (shape[d] != 1 && stride[d] != expected) return false;
			expected *= shape[d];
		}
		return true;
	}

	/** The shape as PyTorch prints it in the reference table, e.g. "64x4x7x7" ("scalar" for 0-d). */
	public static String shapeText(final long[] shape) {
		if (shape.length == 0) return "scalar";
		return Arrays.stream(shape).mapToObj(Long::toString).collect(Collectors.joining("x"));
	}
}
