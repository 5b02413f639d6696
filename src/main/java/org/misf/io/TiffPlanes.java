package org.misf.io;

import java.awt.image.Raster;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.img.basictypeaccess.array.ShortArray;
import net.imglib2.img.cell.Cell;
import net.imglib2.img.cell.CellGrid;
import net.imglib2.img.cell.LazyCellImg;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedShortType;

import org.misf.core.MaskConvention;

/**
 * A TIFF page as ImgLib2 planes (one per channel, (x, y), the page's size) whose pixels are read when they are
 * first touched, chunk by chunk ({@link TiffChunkDecoder}), and kept in a cache of bounded size (least recently
 * used chunks go first). So a wall of any size can be seen as an image while memory holds only the chunks in use.
 * 8-bit and 1-bit pages give {@link UnsignedByteType} (1-bit as 0 and 255, as in ImageJ), 16-bit pages
 * {@link UnsignedShortType}.
 * Read-only; not for concurrent use.
 */
public final class TiffPlanes implements Closeable {

	private final TiffImage tiff;
	private final TiffChunkDecoder decoder;
	private final CellGrid grid;
	private final long budget;
	private final Map<Integer, Object[]> cache = new LinkedHashMap<>(64, 0.75f, true);
	private final List<RandomAccessibleInterval<? extends RealType<?>>> planes = new ArrayList<>();
	private final MaskConvention convention;
	private long cached;
	private long decoded;

	/** Opens {@code path}'s first page; at most about {@code cacheBytes} of decoded chunks are kept. */
	public TiffPlanes(final Path path, final long cacheBytes) throws IOException {
		this(path, cacheBytes, null);
	}

	private TiffPlanes(final Path path, final long cacheBytes, final MaskConvention convention) throws IOException {
		tiff = TiffImage.open(path);
		decoder = new TiffChunkDecoder(tiff);
		grid = new CellGrid(new long[] { tiff.width(), tiff.height() }, new int[] { tiff.chunkWidth(), tiff
			.chunkHeight() });
		budget = cacheBytes;
		this.convention = convention;
		for (int c = 0; c < (convention == null ? tiff.samples() : 1); c++) {
			final int channel = c;
			if (tiff.bits() == 16 && convention == null) planes.add(new LazyCellImg<UnsignedShortType, ShortArray>(grid,
				new UnsignedShortType(), index -> new Cell<>(cellDims(index), cellMin(index), new ShortArray(
					(short[]) chunk(index)[channel]))));
			else planes.add(new LazyCellImg<UnsignedByteType, ByteArray>(grid, new UnsignedByteType(), index -> new Cell<>(
				cellDims(index), cellMin(index), new ByteArray((byte[]) chunk(index)[channel]))));
		}
	}

	/**
	 * Opens {@code path}'s first page as a mask read by {@code convention} (RGB masks by the largest of their
	 * channels, as {@link ImagePlanes#holes} reads a mask image): one plane, 255 for a hole, 0 for a known pixel,
	 * decided once per chunk as it is read.
	 */
	public static TiffPlanes mask(final Path path, final MaskConvention convention, final long cacheBytes)
		throws IOException
	{
		return new TiffPlanes(path, cacheBytes, convention);
	}

	/** The file's page. */
	public TiffImage tiff() { return tiff; }

	/** The channels: 1 (gray) or 3 (RGB), each (x, y); for a {@link #mask}, its holes. */
	public List<RandomAccessibleInterval<? extends RealType<?>>> planes() {
		return Collections.unmodifiableList(planes);
	}

	/** The holes of a {@link #mask}. */
	@SuppressWarnings("unchecked")
	public RandomAccessibleInterval<UnsignedByteType> holes() {
		if (convention == null) throw new IllegalStateException("not opened as a mask");
		return (RandomAccessibleInterval<UnsignedByteType>) planes.get(0);
	}

	/** Chunks decoded so far (a chunk dropped from the cache and needed again counts again). */
	public synchronized long chunksDecoded() { return decoded; }

	/** The decoded channels of chunk {@code index} (row-major over the chunk grid), cropped to the page. */
	private synchronized Object[] chunk(final long index) {
		final int key = (int) index;
		final Object[] hit = cache.get(key);
		if (hit != null) return hit;
		final Object[] channels = read(key);
		final long bytes = bytes(channels);
		cache.put(key, channels);
		cached += bytes;
		decoded++;
		final var it = cache.entrySet().iterator();
		while (cached > budget && cache.size() > 1 && it.hasNext()) {
			final Map.Entry<Integer, Object[]> eldest = it.next();
			if (eldest.getKey() == key) continue;
			cached -= bytes(eldest.getValue());
			it.remove();
		}
		return channels;
	}

	private Object[] read(final int index) {
		final int cx = index % tiff.chunksAcross(), cy = index / tiff.chunksAcross();
		final Raster r;
		try {
			r = decoder.decode(cx, cy);
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e);
		}
		final int[] dims = cellDims(index);
		final int w = dims[0], h = dims[1], n = w * h;
		final Object[] out = new Object[tiff.samples()];
		final int[] row = new int[w];
		final int scale = tiff.bits() == 1 ? 255 : 1; // as ImageJ opens a 1-bit page: 0 and 255
		for (int c = 0; c < out.length; c++) {
			final short[] s = tiff.bits() == 16 ? new short[n] : null;
			final byte[] b = s == null ? new byte[n] : null;
			for (int y = 0; y < h; y++) {
				r.getSamples(r.getMinX(), r.getMinY() + y, w, 1, c, row);
				for (int x = 0; x < w; x++)
					if (s != null) s[y * w + x] = (short) row[x];
					else b[y * w + x] = (byte) (row[x] * scale);
			}
			out[c] = s != null ? s : b;
		}
		return convention == null ? out : new Object[] { holes(out, n) };
	}

	/** The holes of decoded channels by the mask convention: the largest channel's value decides. */
	private byte[] holes(final Object[] channels, final int n) {
		final byte[] out = new byte[n];
		for (int i = 0; i < n; i++) {
			int v = 0;
			for (final Object ch : channels)
				v = Math.max(v, ch instanceof short[] ? ((short[]) ch)[i] & 0xffff : ((byte[]) ch)[i] & 0xff);
			if (convention.isHole(v)) out[i] = (byte) 255;
		}
		return out;
	}

	private int[] cellDims(final long index) {
		final int[] d = new int[2];
		grid.getCellDimensions(index, new long[2], d);
		return d;
	}

	private long[] cellMin(final long index) {
		final long[] min = new long[2];
		grid.getCellDimensions(index, min, new int[2]);
		return min;
	}

	private static long bytes(final Object[] channels) {
		long n = 0;
		for (final Object o : channels)
			n += o instanceof short[] ? 2L * ((short[]) o).length : ((byte[]) o).length;
		return n;
	}

	@Override
	public void close() throws IOException {
		synchronized (this) {
			cache.clear();
			cached = 0;
		}
		tiff.close();
	}
}
