package org.misf.cli;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;

import org.misf.model.ForwardPass;

/**
 * The benchmark's bare forward pass: inputs made once (batch x 3 x h x w random values, a centred hole), so that
 * timing it gives what the network costs without any Java-side work around it (the overhead figure of
 * {@code bench}). Close it to free its arrays.
 */
final class ForwardProbe implements AutoCloseable {

	private final ForwardPass network;
	private final NDManager manager;
	private final NDList input;

	ForwardProbe(final ForwardPass network, final int batch, final int height, final int width) {
		this.network = network;
		manager = network.newInputManager();
		final NDArray img = manager.randomUniform(0, 1, new Shape(batch, 3, height, width));
		final NDArray msk = manager.zeros(new Shape(batch, 1, height, width));
		msk.set(new NDIndex(":, :, {}:{}, {}:{}", height / 4, height / 2, width / 4, width / 2), 1f);
		input = new NDList(img, msk);
	}

	/** Runs the forward pass once and returns its time in nanoseconds. */
	long runOnce() {
		final long t0 = System.nanoTime();
		network.forward(input);
		return System.nanoTime() - t0;
	}

	@Override
	public void close() {
		manager.close();
	}
}
