package org.misf.io;

import java.awt.image.Raster;

/**
 * The shape of a tiled TIFF result: size, 1 or 3 channels of 8 or 16 bits, square tiles, Deflate or no
 * compression, classic TIFF or BigTIFF. {@link #of} decides the tile side and the container: tiles of 512 pixels
 * (256 when a row of them would hold more than {@link #ROW_BYTES}, so a row of tiles stays small in memory), and
 * classic TIFF, which more programs read, whenever the file cannot reach 4 GB, else BigTIFF. Also the one byte
 * layout of a tile's pixels (samples interleaved, little-endian), for writing and for checking.
 */
public final class TiledTiffLayout {

	/** The most bytes a row of tiles should hold before smaller tiles are used. */
	static final long ROW_BYTES = 64L << 20;

	private final long width, height;
	private final int samples, bits, tileSide;
	private final boolean deflate, bigTiff;

	public TiledTiffLayout(final long width, final long height, final int samples, final int bits, final int tileSide,
		final boolean deflate, final boolean bigTiff)
	{
		if (samples != 1 && samples != 3 || bits != 8 && bits != 16 || tileSide % 16 != 0 || tileSide <= 0)
			throw new IllegalArgumentException("unsupported layout");
		this.width = width;
		this.height = height;
		this.samples = samples;
		this.bits = bits;
		this.tileSide = tileSide;
		this.deflate = deflate;
		this.bigTiff = bigTiff;
	}

	/** The layout a result of this size and type is written in. */
	public static TiledTiffLayout of(final long width, final long height, final int samples, final int bits,
		final boolean deflate)
	{
		final long pixelBytes = (long) samples * bits / 8;
		final int side = width * 512 * pixelBytes > ROW_BYTES ? 256 : 512;
		final long tiles = ((width + side - 1) / side) * ((height + side - 1) / side);
		final long tileBytes = (long) side * side * pixelBytes;
		// the worst case of Deflate is a little more than the data; the directory holds two numbers per tile
		final long bound = tiles * (tileBytes + tileBytes / 100 + 64) + 16 * tiles + 4096;
		return new TiledTiffLayout(width, height, samples, bits, side, deflate, bound >= 0xFFFF_FFFFL);
	}

	public long width() { return width; }

	public long height() { return height; }

	public int samples() { return samples; }

	public int bits() { return bits; }

	public int tileSide() { return tileSide; }

	public boolean deflate() { return deflate; }

	public boolean bigTiff() { return bigTiff; }

	public int tilesAcross() { return (int) ((width + tileSide - 1) / tileSide); }

	public int tilesDown() { return (int) ((height + tileSide - 1) / tileSide); }

	/** Channel arrays of one tile ({@code byte[]} or {@code short[]}, tileSide squared) as the file's bytes. */
	byte[] interleave(final Object[] channels) {
		final int n = tileSide * tileSide, bytes = bits / 8;
		final byte[] out = new byte[n * samples * bytes];
		for (int c = 0; c < samples; c++) {
			if (bits == 8) {
				final byte[] ch = (byte[]) channels[c];
				for (int i = 0; i < n; i++)
					out[i * samples + c] = ch[i];
			}
			else {
				final short[] ch = (short[]) channels[c];
				for (int i = 0; i < n; i++) {
					final int at = (i * samples + c) * 2;
					out[at] = (byte) ch[i];
					out[at + 1] = (byte) (ch[i] >> 8);
				}
			}
		}
		return out;
	}

	/** A decoded tile in the same byte layout as {@link #interleave}. */
	byte[] interleave(final Raster tile) {
		final int n = tileSide * tileSide, bytes = bits / 8;
		final byte[] out = new byte[n * samples * bytes];
		final int[] row = new int[tileSide];
		for (int c = 0; c < samples; c++)
			for (int y = 0; y < tileSide; y++) {
				tile.getSamples(tile.getMinX(), tile.getMinY() + y, tileSide, 1, c, row);
				for (int x = 0; x < tileSide; x++) {
					final int i = y * tileSide + x;
					if (bytes == 1) out[i * samples + c] = (byte) row[x];
					else {
						out[(i * samples + c) * 2] = (byte) row[x];
						out[(i * samples + c) * 2 + 1] = (byte) (row[x] >> 8);
					}
				}
			}
		return out;
	}
}
