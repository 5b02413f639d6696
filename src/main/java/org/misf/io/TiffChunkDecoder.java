package org.misf.io;

import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.imageio.ImageReader;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import com.twelvemonkeys.imageio.metadata.Entry;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFEntry;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFWriter;
import com.twelvemonkeys.imageio.plugins.tiff.TIFFImageReaderSpi;

/**
 * Decodes one chunk (tile or strip) of a {@link TiffImage} with TwelveMonkeys' TIFF reader, which decodes every
 * compression TIFF uses but reads a region of a large page only by walking every chunk before it (and fails on
 * regions narrower than a tiled page; see the README, "Walls"). So each chunk is handed to it as a TIFF of its
 * own: the page's encoding tags, the chunk's size, and the chunk's stored bytes. Not thread-safe.
 */
final class TiffChunkDecoder {

	/** Tags that say how a chunk's bytes are encoded; the rest of the directory is not needed to decode one. */
	static final Set<Integer> KEPT_TAGS = new HashSet<>(Arrays.asList(TiffImage.BITS_PER_SAMPLE, TiffImage.COMPRESSION,
		TiffImage.PHOTOMETRIC, TiffImage.SAMPLES_PER_PIXEL, TiffImage.PLANAR_CONFIGURATION, 266 /* FillOrder */,
		317 /* Predictor */, TiffImage.SAMPLE_FORMAT, 347 /* JPEGTables */, 530 /* YCbCrSubSampling */,
		531 /* YCbCrPositioning */, 532 /* ReferenceBlackWhite */));

	private static final short LONG = 4;

	private final TiffImage image;
	private final List<Entry> encoding;
	private final ImageReader reader;

	TiffChunkDecoder(final TiffImage image) throws IOException {
		this.image = image;
		this.encoding = image.encodingEntries();
		reader = new TIFFImageReaderSpi().createReaderInstance();
	}

	/**
	 * Chunk (cx, cy) as a raster of {@code image.chunkWidth()} x (rows in the chunk) pixels (tiles at the right and
	 * bottom edges are stored whole and cover more than the image).
	 */
	Raster decode(final int cx, final int cy) throws IOException {
		final byte[][] raw = image.rawChunk(cx, cy);
		final boolean tiled = image.tiled();
		final long rows = tiled ? image.chunkHeight() : Math.min(image.chunkHeight(), image.height() - (long) cy * image
			.chunkHeight());
		final List<Entry> entries = new ArrayList<>(encoding);
		entries.add(new TIFFEntry(TiffImage.IMAGE_WIDTH, LONG, (long) image.chunkWidth()));
		entries.add(new TIFFEntry(TiffImage.IMAGE_LENGTH, LONG, rows));
		if (tiled) {
			entries.add(new TIFFEntry(TiffImage.TILE_WIDTH, LONG, (long) image.chunkWidth()));
			entries.add(new TIFFEntry(TiffImage.TILE_LENGTH, LONG, rows));
		}
		else entries.add(new TIFFEntry(TiffImage.ROWS_PER_STRIP, LONG, rows));
		final long[] offsets = new long[raw.length], counts = new long[raw.length];
		final int offsetsAt = entries.size();
		entries.add(new TIFFEntry(tiled ? TiffImage.TILE_OFFSETS : TiffImage.STRIP_OFFSETS, LONG, offsets));
		for (int p = 0; p < raw.length; p++)
			counts[p] = raw[p].length;
		entries.add(new TIFFEntry(tiled ? TiffImage.TILE_BYTE_COUNTS : TiffImage.STRIP_BYTE_COUNTS, LONG, counts));
		final TIFFWriter writer = new TIFFWriter();
		// header (4) + IFD pointer (4) + the IFD and its values + next-IFD pointer (4), then the chunk's bytes
		long at = 12 + writer.computeIFDSize(entries);
		for (int p = 0; p < raw.length; p++) {
			offsets[p] = at;
			at += raw[p].length;
		}
		entries.set(offsetsAt, new TIFFEntry(tiled ? TiffImage.TILE_OFFSETS : TiffImage.STRIP_OFFSETS, LONG, offsets));
		final ByteArrayOutputStream bytes = new ByteArrayOutputStream((int) at);
		try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
			out.setByteOrder(image.order());
			writer.write(entries, out);
			for (final byte[] r : raw)
				out.write(r);
		}
		try (MemoryCacheImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes
			.toByteArray())))
		{
			reader.setInput(in);
			return reader.read(0, null).getRaster();
		}
		finally {
			reader.setInput(null);
		}
	}
}
