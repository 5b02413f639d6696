package org.misf.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

import javax.imageio.stream.FileImageOutputStream;
import javax.imageio.stream.ImageOutputStream;

import com.twelvemonkeys.imageio.metadata.Entry;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFEntry;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFWriter;

import org.misf.core.ProductVersion;

/**
 * Writes a tiled TIFF (or BigTIFF) tile by tile, in any order, with a bounded amount of memory: TwelveMonkeys'
 * TIFF writer takes only a whole image and writes strips (it has no tiles, no empty image to fill in, no pixel
 * replacement), so the tiles are written here, uncompressed or Deflate-compressed, and the directory with TwelveMonkeys'
 * TIFF metadata writer. Until {@link #finish} the header points to no directory, so an unfinished file is no image
 * any reader would open. Each tile's pixels are summed (CRC-32) as they are written, for {@link TiledTiffCheck}.
 */
public final class TiledTiffWriter implements Closeable {

	private static final short SHORT = 3, LONG = 4, LONG8 = 16;

	private final TiledTiffLayout layout;
	private final RandomAccessFile file;
	private final ImageOutputStream out;
	private final long[] offsets, counts, crcs;
	private final Deflater deflater;
	private byte[] encoded = new byte[0];

	/** Starts {@code path} (which must not exist) for an image of {@code layout}. */
	public TiledTiffWriter(final Path path, final TiledTiffLayout layout) throws IOException {
		this.layout = layout;
		final int tiles = layout.tilesAcross() * layout.tilesDown();
		offsets = new long[tiles];
		counts = new long[tiles];
		crcs = new long[tiles];
		Arrays.fill(crcs, -1);
		deflater = layout.deflate() ? new Deflater(Deflater.BEST_SPEED) : null;
		file = new RandomAccessFile(path.toFile(), "rw");
		if (file.length() != 0) {
			file.close();
			throw new IOException(path + " is not empty");
		}
		out = new FileImageOutputStream(file);
		out.setByteOrder(ByteOrder.LITTLE_ENDIAN);
		new TIFFWriter(layout.bigTiff() ? 8 : 4).writeTIFFHeader(out);
		if (layout.bigTiff()) out.writeLong(0);
		else out.writeInt(0); // no directory yet: not a TIFF until finish()
	}

	public TiledTiffLayout layout() { return layout; }

	/**
	 * Appends tile (tx, ty): {@code channels[c]} holds channel c's samples ({@code byte[]} for 8 bits, {@code short[]}
	 * for 16), {@code tileSide} x {@code tileSide}, row by row (parts beyond the image are written as they are).
	 */
	public void writeTile(final int tx, final int ty, final Object[] channels) throws IOException {
		final int index = ty * layout.tilesAcross() + tx;
		final byte[] raw = layout.interleave(channels);
		final CRC32 crc = new CRC32();
		crc.update(raw);
		byte[] data = raw;
		int length = raw.length;
		if (deflater != null) {
			deflater.reset();
			deflater.setInput(raw);
			deflater.finish();
			if (encoded.length < raw.length + raw.length / 100 + 64) encoded = new byte[raw.length + raw.length / 100 +
				64];
			length = 0;
			while (!deflater.finished())
				length += deflater.deflate(encoded, length, encoded.length - length);
			data = encoded;
		}
		final long at = file.length();
		out.seek(at);
		out.write(data, 0, length);
		offsets[index] = at;
		counts[index] = length;
		crcs[index] = crc.getValue();
	}

	/** The CRC-32 of each tile's pixels as written (-1: not written). */
	public long[] tileCrcs() { return crcs.clone(); }

	/** Writes the directory, points the header at it and forces everything to the disk. */
	public void finish() throws IOException {
		for (final long c : crcs)
			if (c < 0) throw new IllegalStateException("tiles are missing");
		final TIFFWriter writer = new TIFFWriter(layout.bigTiff() ? 8 : 4);
		long end = file.length();
		if (end % 2 != 0) end++; // a directory starts on a word boundary
		out.seek(end);
		final long ifd = writer.writeIFD(entries(), out);
		writer.writeOffset(out, 0); // no further directory
		file.getChannel().force(true);
		out.seek(layout.bigTiff() ? 8 : 4);
		writer.writeOffset(out, ifd);
		file.getChannel().force(true);
	}

	private List<Entry> entries() {
		final int n = layout.samples();
		final int[] bits = new int[n], format = new int[n];
		Arrays.fill(bits, layout.bits());
		Arrays.fill(format, 1);
		final short offsetType = layout.bigTiff() ? LONG8 : LONG;
		final List<Entry> e = new ArrayList<>();
		e.add(new TIFFEntry(TiffImage.IMAGE_WIDTH, LONG, layout.width()));
		e.add(new TIFFEntry(TiffImage.IMAGE_LENGTH, LONG, layout.height()));
		e.add(new TIFFEntry(TiffImage.BITS_PER_SAMPLE, SHORT, n == 1 ? (Object) bits[0] : bits));
		e.add(new TIFFEntry(TiffImage.COMPRESSION, SHORT, layout.deflate() ? 8 : 1));
		e.add(new TIFFEntry(TiffImage.PHOTOMETRIC, SHORT, n == 3 ? 2 : 1));
		e.add(new TIFFEntry(305 /* Software */, ProductVersion.NAME + " " + ProductVersion.version()));
		e.add(new TIFFEntry(TiffImage.SAMPLES_PER_PIXEL, SHORT, n));
		e.add(new TIFFEntry(TiffImage.PLANAR_CONFIGURATION, SHORT, 1));
		e.add(new TIFFEntry(TiffImage.TILE_WIDTH, LONG, (long) layout.tileSide()));
		e.add(new TIFFEntry(TiffImage.TILE_LENGTH, LONG, (long) layout.tileSide()));
		e.add(new TIFFEntry(TiffImage.TILE_OFFSETS, offsetType, offsets));
		e.add(new TIFFEntry(TiffImage.TILE_BYTE_COUNTS, offsetType, counts));
		e.add(new TIFFEntry(TiffImage.SAMPLE_FORMAT, SHORT, n == 1 ? (Object) format[0] : format));
		return e;
	}

	@Override
	public void close() throws IOException {
		if (deflater != null) deflater.end();
		try {
			out.close();
		}
		finally {
			file.close();
		}
	}
}
