package org.misf.batch;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.converter.Converters;
import net.imglib2.type.numeric.integer.UnsignedByteType;

import org.misf.core.BadInputException;
import org.misf.core.CancelledException;
import org.misf.core.MaskConvention;
import org.misf.core.MisfException;
import org.misf.core.ProgressListener;
import org.misf.io.ImagePlanes;
import org.misf.io.ImageFile;
import org.misf.io.TiffImage;
import org.misf.io.TiffPlanes;

/**
 * A wall's mask as holes (255) and known pixels (0), by the batch's mask convention: a TIFF is read chunk by chunk
 * like the wall ({@link TiffPlanes}); any other mask image (a PNG for a wall that fits in memory) is read whole.
 */
final class WallMask implements Closeable {

	private final TiffPlanes tiff;
	private final RandomAccessibleInterval<UnsignedByteType> holes;

	private WallMask(final TiffPlanes tiff, final RandomAccessibleInterval<UnsignedByteType> holes) {
		this.tiff = tiff;
		this.holes = holes;
	}

	static WallMask open(final Path mask, final MaskConvention convention, final long width, final long height,
		final long cacheBytes) throws IOException
	{
		WallMask m;
		if (ImageFile.isTiff(mask) && readable(mask)) {
			final TiffPlanes t = TiffPlanes.mask(mask, convention, cacheBytes);
			m = new WallMask(t, t.holes());
		}
		else {
			m = new WallMask(null, ImagePlanes.mask(ImagePlanes.readMask(mask, convention)));
		}
		if (m.holes.dimension(0) != width || m.holes.dimension(1) != height) {
			m.close();
			throw new BadInputException("The mask is " + m.holes.dimension(0) + "x" + m.holes.dimension(1) +
				" but the image is " + width + "x" + height + ".");
		}
		return m;
	}

	private static boolean readable(final Path p) {
		try (TiffImage t = TiffImage.open(p)) {
			return true;
		}
		catch (final IOException | MisfException e) {
			return false;
		}
	}

	RandomAccessibleInterval<UnsignedByteType> holes() { return holes; }

	/**
	 * The same holes, read once in flat order, telling {@code progress} the rows read and stopping (a
	 * {@link CancelledException}) when it is cancelled.
	 */
	static RandomAccessibleInterval<UnsignedByteType> watched(final RandomAccessibleInterval<UnsignedByteType> m,
		final ProgressListener progress, final String what)
	{
		final long width = m.dimension(0), height = m.dimension(1), every = Math.max(1, (1 << 22) / width) * width;
		final long[] read = { 0 };
		return Converters.convert(m, (in, out) -> {
			if (++read[0] % every == 0) {
				if (progress.isCancelled()) throw new CancelledException();
				progress.progress(read[0] / width, height, what);
			}
			out.set(in);
		}, new UnsignedByteType());
	}

	@Override
	public void close() throws IOException {
		if (tiff != null) tiff.close();
	}
}
