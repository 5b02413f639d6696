package org.misf.core;

/**
 * The network as {@code core} sees it: plain float arrays in NCHW order, no tensor library.
 * Implemented in {@code org.misf.model} with DJL.
 */
public interface InpaintingNetwork {

	/**
	 * Fills the holes of a batch.
	 *
	 * @param image  {@code batch x 3 x height x width} RGB values in [0, 1]
	 * @param mask   {@code batch x 1 x height x width}, 1 = hole, 0 = known
	 * @return {@code batch x 3 x height x width} RGB in [0, 1] (only hole positions are used)
	 */
	float[] run(float[] image, float[] mask, int batch, int height, int width);
}
