package org.misf.model;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.ARGBType;
import net.imglib2.type.numeric.RealType;

import org.misf.core.ProgressListener;

/**
 * Inpaints images in place with one loaded model. Only pixels where the mask is non-zero change;
 * on any error or cancellation the image is left exactly as it was.
 * <p>
 * Image layouts: {@code (x, y)} gray, or {@code (x, y, c)} with 1 or 3 channels (3 = RGB).
 * The mask is {@code (x, y)} of the same size (any real type, non-zero = hole) and applies to every channel.
 * An instance is thread-confined; close it to free native memory.
 */
public interface Inpainter extends AutoCloseable {

	<T extends RealType<T>, M extends RealType<M>> InpaintResult inpaint(RandomAccessibleInterval<T> image,
		RandomAccessibleInterval<M> mask, InpaintOptions options, ProgressListener progress);

	/** Packed RGB (ImageJ's COLOR_RGB), same rules. */
	<M extends RealType<M>> InpaintResult inpaintARGB(RandomAccessibleInterval<ARGBType> image,
		RandomAccessibleInterval<M> mask, InpaintOptions options, ProgressListener progress);

	/** The loaded model package. */
	ModelPackage modelPackage();

	/** The device actually in use ("cpu()" or "gpu(0)"). */
	String device();

	@Override
	void close();
}
