package org.misf.io;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.imageio.stream.FileImageInputStream;
import javax.imageio.stream.ImageInputStream;

import com.twelvemonkeys.imageio.metadata.CompoundDirectory;
import com.twelvemonkeys.imageio.metadata.Directory;
import com.twelvemonkeys.imageio.metadata.Entry;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;

import org.misf.core.BadInputException;

/**
 * The first page of a TIFF or BigTIFF file, opened for reading piece by piece, never whole: its size, its pixels'
 * layout (1 or 3 samples of 8 or 16 bits, or 1 bit for masks) and its chunks (the tiles of a tiled file, the strips
 * of a striped one), each decoded on its own by {@link TiffChunkDecoder}. The directory is parsed by TwelveMonkeys'
 * TIFF metadata reader. Files this reading cannot render faithfully (alpha or other extra samples, palettes,
 * floating-point or signed samples) are refused with one sentence.
 */
public final class TiffImage implements Closeable {

	static final int IMAGE_WIDTH = 256, IMAGE_LENGTH = 257, BITS_PER_SAMPLE = 258, COMPRESSION = 259,
		PHOTOMETRIC = 262, STRIP_OFFSETS = 273, SAMPLES_PER_PIXEL = 277, ROWS_PER_STRIP = 278, STRIP_BYTE_COUNTS = 279,
		PLANAR_CONFIGURATION = 284, TILE_WIDTH = 322, TILE_LENGTH = 323, TILE_OFFSETS = 324, TILE_BYTE_COUNTS = 325,
		EXTRA_SAMPLES = 338, SAMPLE_FORMAT = 339;

	private final Path path;
	private final FileChannel channel;
	private final Directory ifd;
	private final ByteOrder order;
	private final long width, height;
	private final int samples, bits, compression, photometric;
	private final boolean planar, tiled;
	/** The largest compressed chunk decoded at once (a wall stored as one compressed strip is refused). */
	private static final long MAX_CHUNK_BYTES = 256L << 20;

	/** Rows of the pieces an uncompressed strip is read in. */
	private static final int VIRTUAL_STRIP_ROWS = 64;

	private final int chunkWidth, storedHeight;
	private int chunkHeight;
	private long[] offsets, byteCounts;

	private TiffImage(final Path path) throws IOException {
		this.path = path;
		try (ImageInputStream in = new FileImageInputStream(path.toFile())) {
			final Directory all = new TIFFReader().read(in);
			ifd = all instanceof CompoundDirectory ? ((CompoundDirectory) all).getDirectory(0) : all;
			order = in.getByteOrder();
		}
		catch (final IOException | RuntimeException e) {
			throw new BadInputException("the file " + path + " is not a readable TIFF (" + e.getMessage() + ").");
		}
		width = number(IMAGE_WIDTH, -1);
		height = number(IMAGE_LENGTH, -1);
		samples = (int) number(SAMPLES_PER_PIXEL, 1);
		final long[] bps = numbers(BITS_PER_SAMPLE);
		bits = bps == null ? 1 : (int) bps[0];
		compression = (int) number(COMPRESSION, 1);
		photometric = (int) number(PHOTOMETRIC, samples == 3 ? 2 : 1);
		planar = number(PLANAR_CONFIGURATION, 1) == 2;
		tiled = ifd.getEntryById(TILE_WIDTH) != null;
		chunkWidth = (int) (tiled ? number(TILE_WIDTH, -1) : width);
		storedHeight = (int) (tiled ? number(TILE_LENGTH, -1) : Math.min(height, number(ROWS_PER_STRIP, height)));
		chunkHeight = storedHeight;
		final long[] storedOffsets = numbers(tiled ? TILE_OFFSETS : STRIP_OFFSETS);
		final long[] storedCounts = numbers(tiled ? TILE_BYTE_COUNTS : STRIP_BYTE_COUNTS);
		check(bps, storedOffsets, storedCounts);
		if (tiled || compression != 1 || chunkHeight <= VIRTUAL_STRIP_ROWS) {
			chunkHeight = storedHeight;
			offsets = storedOffsets;
			byteCounts = storedCounts;
		}
		else { // uncompressed strips hold rows one after the other: read them in smaller pieces
			final long rowBytes = (width * (planar ? 1 : samples) * bits + 7) / 8;
			chunkHeight = VIRTUAL_STRIP_ROWS;
			final int down = chunksDown(), planes = planar ? samples : 1, perPlane = (int) ((height + storedHeight -
				1) / storedHeight);
			offsets = new long[down * planes];
			byteCounts = new long[down * planes];
			for (int p = 0; p < planes; p++)
				for (int i = 0; i < down; i++) {
					final long row = (long) i * chunkHeight;
					offsets[p * down + i] = storedOffsets[p * perPlane + (int) (row / storedHeight)] + row % storedHeight *
						rowBytes;
					byteCounts[p * down + i] = Math.min(chunkHeight, height - row) * rowBytes;
				}
		}
		channel = FileChannel.open(path, StandardOpenOption.READ);
	}

	/** Opens the first page of {@code path}, or says in one sentence why it cannot be read piece by piece. */
	public static TiffImage open(final Path path) throws IOException {
		return new TiffImage(path);
	}

	private void check(final long[] bps, final long[] offsets, final long[] byteCounts) {
		final String file = "the file " + path;
		if (width <= 0 || height <= 0 || chunkWidth <= 0 || storedHeight <= 0 || offsets == null || byteCounts ==
			null || offsets.length != byteCounts.length || offsets.length < chunksAcross() * chunksDown() * (planar ?
				samples : 1))
			throw new BadInputException(file + " has an incomplete TIFF directory (size, tiles or strips missing).");
		if (samples != 1 && samples != 3 || ifd.getEntryById(EXTRA_SAMPLES) != null)
			throw new BadInputException(file + " has " + samples + " samples per pixel" + (ifd.getEntryById(
				EXTRA_SAMPLES) != null ? " with extra samples (e.g. alpha)" : "") +
				"; only gray (1) and RGB (3) pages are read, so that no channel is dropped (nothing was written).");
		final long[] format = numbers(SAMPLE_FORMAT);
		if (format != null) for (final long f : format)
			if (f != 1) throw new BadInputException(file + " has signed or floating-point samples; unsigned 8 and " +
				"16 bits are read.");
		for (final long b : bps == null ? new long[] { 1 } : bps)
			if (b != bits) throw new BadInputException(file + " has channels of different bit depths.");
		if (bits != 8 && bits != 16 && !(bits == 1 && samples == 1))
			throw new BadInputException(file + " has " + bits + "-bit samples; 8 and 16 bits (and 1-bit masks) are read.");
		if ((long) chunkWidth * storedHeight * samples * Math.max(8, bits) / 8 > MAX_CHUNK_BYTES && compression != 1)
			throw new BadInputException(file + " is stored in compressed pieces of " + chunkWidth + " x " + storedHeight +
				" pixels, too large to read one at a time; save it tiled first (e.g. vips tiffsave IN OUT --tile " +
				"--bigtiff).");
		if (photometric != 1 && photometric != 2 && photometric != 6) throw new BadInputException(file +
			" has photometric interpretation " + photometric + " (palette, inverted gray, CMYK...); save it as gray " +
			"or RGB first (nothing was written).");
	}

	public Path path() { return path; }

	public long width() { return width; }

	public long height() { return height; }

	/** 1 (gray) or 3 (RGB). */
	public int samples() { return samples; }

	/** 1, 8 or 16. */
	public int bits() { return bits; }

	/** Whether the page is stored in tiles (else in strips). */
	public boolean tiled() { return tiled; }

	/** Whether the pixels are compressed (anything but TIFF compression 1). */
	public boolean compressed() { return compression != 1; }

	/** Whether the file is a BigTIFF. */
	public boolean bigTiff() {
		try {
			final ByteBuffer b = ByteBuffer.allocate(4).order(order);
			channel.read(b, 0);
			return b.getShort(2) == 43;
		}
		catch (final IOException e) {
			return false;
		}
	}

	/** Width and height of a chunk: a tile, or a strip (the image's width, RowsPerStrip rows). */
	public int chunkWidth() { return chunkWidth; }

	public int chunkHeight() { return chunkHeight; }

	public int chunksAcross() { return (int) ((width + chunkWidth - 1) / chunkWidth); }

	public int chunksDown() { return (int) ((height + chunkHeight - 1) / chunkHeight); }

	/** The stored bytes of chunk (cx, cy), one array per plane for planar files. */
	byte[][] rawChunk(final int cx, final int cy) throws IOException {
		final int planes = planar ? samples : 1;
		final int perPlane = chunksAcross() * chunksDown();
		final byte[][] out = new byte[planes][];
		for (int p = 0; p < planes; p++) {
			final int i = p * perPlane + cy * chunksAcross() + cx;
			if (byteCounts[i] > Integer.MAX_VALUE - 64) throw new BadInputException("the file " + path +
				" has a chunk of " + byteCounts[i] + " bytes; save it tiled (e.g. vips tiffsave --tile) first.");
			final ByteBuffer b = ByteBuffer.allocate((int) byteCounts[i]);
			while (b.hasRemaining())
				if (channel.read(b, offsets[i] + b.position()) < 0) throw new IOException("the file " + path +
					" ends inside its pixel data (truncated?).");
			out[p] = b.array();
		}
		return out;
	}

	/** The directory's entries that describe how a chunk's bytes are encoded (for a one-chunk TIFF). */
	List<Entry> encodingEntries() {
		final List<Entry> out = new ArrayList<>();
		for (final Entry e : ifd)
			if (TiffChunkDecoder.KEPT_TAGS.contains(((Number) e.getIdentifier()).intValue())) out.add(e);
		return out;
	}

	ByteOrder order() { return order; }

	boolean planar() { return planar; }

	private long number(final int tag, final long absent) {
		final long[] v = numbers(tag);
		return v == null ? absent : v[0];
	}

	/** The values of a numeric entry as longs, or null when it is absent. */
	private long[] numbers(final int tag) {
		final Entry e = ifd.getEntryById(tag);
		if (e == null) return null;
		final Object v = e.getValue();
		if (v instanceof Number) return new long[] { ((Number) v).longValue() };
		if (v instanceof long[]) return (long[]) v;
		if (v instanceof int[]) return Arrays.stream((int[]) v).asLongStream().toArray();
		if (v instanceof short[]) {
			final short[] s = (short[]) v;
			final long[] out = new long[s.length];
			for (int i = 0; i < s.length; i++)
				out[i] = s[i] & 0xffff;
			return out;
		}
		if (v instanceof byte[]) {
			final byte[] s = (byte[]) v;
			final long[] out = new long[s.length];
			for (int i = 0; i < s.length; i++)
				out[i] = s[i] & 0xff;
			return out;
		}
		throw new BadInputException("the file " + path + " has an unreadable TIFF tag " + tag + ".");
	}

	@Override
	public void close() throws IOException {
		channel.close();
	}
}
