package org.misf.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.zip.CRC32;

/**
 * Reads a tiled TIFF written by {@link TiledTiffWriter} back, as another program would: its directory through
 * TwelveMonkeys' TIFF reader, every tile decoded by TwelveMonkeys, and compares the pixels with what was written
 * (their CRC-32, tile by tile). A file cut short by a full disk, a tile that did not reach the disk, or a
 * directory that points elsewhere is found here, before the file is given its name.
 */
public final class TiledTiffCheck {

	private TiledTiffCheck() {}

	/** Why {@code path} does not hold what was written, or null when it does. */
	public static String problem(final Path path, final TiledTiffLayout layout, final long[] crcs) {
		try (TiffImage tiff = TiffImage.open(path)) {
			if (tiff.width() != layout.width() || tiff.height() != layout.height() || tiff.samples() != layout
				.samples() || tiff.bits() != layout.bits() || !tiff.tiled() || tiff.chunkWidth() != layout.tileSide() ||
				tiff.chunkHeight() != layout.tileSide()) return "its directory does not describe the image written";
			final TiffChunkDecoder decoder = new TiffChunkDecoder(tiff);
			for (int ty = 0; ty < layout.tilesDown(); ty++)
				for (int tx = 0; tx < layout.tilesAcross(); tx++) {
					final CRC32 crc = new CRC32();
					crc.update(layout.interleave(decoder.decode(tx, ty)));
					if (crc.getValue() != crcs[ty * layout.tilesAcross() + tx]) return "tile " + tx + "," + ty + " differs";
				}
			return null;
		}
		catch (final IOException | RuntimeException e) {
			return "it cannot be read back (" + e.getMessage() + ")";
		}
	}
}
