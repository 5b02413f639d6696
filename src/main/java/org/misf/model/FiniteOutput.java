package org.misf.model;

/**
 * The one place that decides what happens when a forward pass returns NaN or infinite values: it is run again, up
 * to {@link #ATTEMPTS} times in all. The PyTorch build the plugin bundles (libtorch 2.5.1 on DJL 0.33, CPU) now and
 * then returns a NaN-filled convolution for a finite input in the first calls after a model is loaded (seen with
 * the width-8 test network: a 24-to-8-channel 3x3 convolution, about 3 loads in 100; the same input is finite on
 * the next call). A fault that stays, such as weights that overflow, is still non-finite after the last attempt and
 * the caller refuses it.
 */
public final class FiniteOutput {

	/** How many times a forward pass is tried before its non-finite output counts. */
	public static final int ATTEMPTS = 3;

	/** One forward pass. */
	@FunctionalInterface
	public interface Pass<E extends Exception> {
		float[] run() throws E;
	}

	private FiniteOutput() {}

	/** Whether every value is finite. */
	public static boolean isFinite(final float[] values) {
		for (final float v : values)
			if (!Float.isFinite(v)) return false;
		return true;
	}

	/** Runs {@code pass} until its output is finite, at most {@link #ATTEMPTS} times; returns the last output. */
	public static <E extends Exception> float[] firstFinite(final Pass<E> pass) throws E {
		float[] out = pass.run();
		for (int attempt = 1; attempt < ATTEMPTS && !isFinite(out); attempt++)
			out = pass.run();
		return out;
	}
}
