package org.misf.model;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;

import org.misf.core.ChannelPlanes;
import org.misf.core.InpaintJob;
import org.misf.core.InpaintingReport;

/**
 * Inpaints images in place with one loaded model. Only pixels where the mask is non-zero change; on any error
 * or cancellation the image is left exactly as it was.
 * <p>
 * The image is 1 (gray) or 3 (RGB) writable planes ({@link ChannelPlanes}: an (x, y) or (x, y, c) image, or packed
 * ARGB); the mask is {@code (x, y)} of the same size (any real type, non-zero = hole) and applies to every plane.
 * How (dilation, margin, batch, range, progress and cancel) is the {@link InpaintJob}. Failures are
 * {@link org.misf.core.MisfException}s. An instance is thread-confined; close it to free native memory.
 */
public interface Inpainter extends AutoCloseable {

	<T extends RealType<T>, M extends RealType<M>> InpaintingReport inpaint(ChannelPlanes<T> planes,
		RandomAccessibleInterval<M> mask, InpaintJob job);

	/** The loaded model package. */
	ModelPackage modelPackage();

	/** The device actually in use ("cpu()" or "gpu(0)"). */
	String device();

	@Override
	void close();
}
