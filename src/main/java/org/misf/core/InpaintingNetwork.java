package org.misf.core;

/**
 * A network as {@code core} sees it: plain float arrays, no tensor library. The model layer runs its network
 * between the steps of a {@link WindowedInpainting} itself; this interface serves callers that hold a network as
 * a plain function ({@link WindowedInpainting#inpaint}: tests, the benchmark's copy network).
 */
@FunctionalInterface
public interface InpaintingNetwork {

	/** Fills the holes of a batch: {@code batch x 3 x height x width} RGB in [0, 1] (only hole positions are used). */
	float[] run(NetworkBatch batch);
}
