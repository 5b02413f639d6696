package org.misf.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.Raster;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.FileImageInputStream;

import com.twelvemonkeys.imageio.plugins.tiff.TIFFImageReaderSpi;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Tiled TIFFs written tile by tile read back whole with TwelveMonkeys' own reader (which reads a whole page through
 * its own tile addressing), in every layout; an unfinished file is no image; a damaged one fails the check.
 */
class TiledTiffWriterTest {

	@TempDir
	Path dir;

	/** Writes the formula of make_fixtures.sh, tiles in reverse order (any order must do). */
	private static long[] write(final Path file, final TiledTiffLayout layout, final boolean finish) throws IOException {
		try (TiledTiffWriter w = new TiledTiffWriter(file, layout)) {
			final int side = layout.tileSide();
			for (int ty = layout.tilesDown() - 1; ty >= 0; ty--)
				for (int tx = layout.tilesAcross() - 1; tx >= 0; tx--) {
					final Object[] channels = new Object[layout.samples()];
					for (int c = 0; c < channels.length; c++) {
						final short[] s = new short[side * side];
						final byte[] b = new byte[side * side];
						for (int i = 0; i < side * side; i++) {
							final long x = (long) tx * side + i % side, y = (long) ty * side + i / side;
							final int v = TiffPlanesTest.expected(layout.bits() == 16 ? "16" : "8", x, y, c);
							s[i] = (short) v;
							b[i] = (byte) v;
						}
						channels[c] = layout.bits() == 16 ? s : b;
					}
					w.writeTile(tx, ty, channels);
				}
			if (finish) w.finish();
			return w.tileCrcs();
		}
	}

	@ParameterizedTest
	@CsvSource({ "1, 8, false, false, 32", "1, 8, true, true, 64", "3, 8, true, false, 48", "1, 16, false, true, 32",
		"3, 16, true, true, 16", "1, 8, true, false, 128" })
	void everyLayoutReadsBackWhole(final int samples, final int bits, final boolean deflate, final boolean big,
		final int side) throws IOException
	{
		final Path file = dir.resolve("out.tif");
		final TiledTiffLayout layout = new TiledTiffLayout(150, 100, samples, bits, side, deflate, big);
		final long[] crcs = write(file, layout, true);
		final ImageReader reader = new TIFFImageReaderSpi().createReaderInstance();
		try (ImageInputStream in = new FileImageInputStream(file.toFile())) {
			reader.setInput(in);
			assertTrue(reader.isImageTiled(0));
			final Raster r = reader.read(0, null).getRaster();
			assertEquals(150, r.getWidth());
			assertEquals(100, r.getHeight());
			for (int c = 0; c < samples; c++)
				for (int y = 0; y < 100; y++)
					for (int x = 0; x < 150; x++)
						assertEquals(TiffPlanesTest.expected(bits == 16 ? "16" : "8", x, y, c), r.getSample(x, y, c));
		}
		try (TiffImage t = TiffImage.open(file)) {
			assertEquals(big, t.bigTiff());
			assertEquals(deflate, t.compressed());
		}
		assertNull(TiledTiffCheck.problem(file, layout, crcs));
	}

	@Test
	void anUnfinishedFileIsNoImage() throws IOException {
		final Path file = dir.resolve("half.tif");
		write(file, new TiledTiffLayout(150, 100, 1, 8, 32, false, false), false);
		assertTrue(Files.size(file) > 150 * 100);
		assertThrows(Exception.class, () -> TiffImage.open(file));
		final ImageReader reader = new TIFFImageReaderSpi().createReaderInstance();
		try (ImageInputStream in = new FileImageInputStream(file.toFile())) {
			reader.setInput(in);
			assertThrows(Exception.class, () -> reader.read(0, null));
		}
	}

	@Test
	void aDamagedOrShortFileFailsTheCheck() throws IOException {
		final TiledTiffLayout layout = new TiledTiffLayout(150, 100, 3, 8, 32, false, false);
		final Path file = dir.resolve("out.tif");
		final long[] crcs = write(file, layout, true);
		try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
			f.seek(5000);
			final int b = f.read();
			f.seek(5000);
			f.write(b ^ 1);
		}
		assertNotNull(TiledTiffCheck.problem(file, layout, crcs));
		final Path deflated = dir.resolve("d.tif");
		final TiledTiffLayout d = new TiledTiffLayout(150, 100, 3, 8, 32, true, false);
		final long[] dc = write(deflated, d, true);
		try (RandomAccessFile f = new RandomAccessFile(deflated.toFile(), "rw")) {
			f.setLength(f.length() / 2); // a full disk: the tail never arrived (the directory is at the end)
		}
		assertNotNull(TiledTiffCheck.problem(deflated, d, dc));
	}

	@Test
	void theLayoutChoosesTilesAndContainerBySize() {
		assertEquals(512, TiledTiffLayout.of(6000, 6000, 3, 8, false).tileSide());
		assertTrue(!TiledTiffLayout.of(6000, 6000, 3, 8, false).bigTiff());
		final TiledTiffLayout wall = TiledTiffLayout.of(50000, 46000, 1, 8, false);
		assertEquals(512, wall.tileSide());
		assertTrue(!wall.bigTiff(), "2.3 GB fits a classic TIFF");
		assertTrue(TiledTiffLayout.of(50000, 46000, 3, 8, false).bigTiff());
		assertEquals(256, TiledTiffLayout.of(50000, 46000, 3, 16, true).tileSide());
	}
}
