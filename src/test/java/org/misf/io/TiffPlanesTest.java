package org.misf.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.nio.file.Paths;

import ij.ImagePlus;
import ij.io.FileSaver;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;

import net.imglib2.Cursor;
import net.imglib2.FinalInterval;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.view.Views;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.misf.core.BadInputException;
import org.misf.core.MaskConvention;

/**
 * TIFF pages read chunk by chunk equal their pixels, whatever wrote them (tifffile, libvips: make_fixtures.sh) and
 * however they are stored: tiled or striped, compressed or not, BigTIFF, planar, big-endian, 1-bit; and files
 * whose channels would not survive are refused.
 */
class TiffPlanesTest {

	@TempDir
	Path dir;

	static Path fixture(final String name) {
		try {
			return Paths.get(TiffPlanesTest.class.getResource("/tiff/" + name).toURI());
		}
		catch (final URISyntaxException e) {
			throw new IllegalStateException(e);
		}
	}

	/** The formula of make_fixtures.sh. */
	static int expected(final String name, final long x, final long y, final int c) {
		if (name.startsWith("mask1")) return (int) ((x / 5 + y / 3) % 2) * 255; // ImageJ's values of a 1-bit page
		if (name.contains("16")) return (int) ((x * 263 + y * 1031 + c * 5000) % 65536);
		return (int) ((x * 7 + y * 13 + c * 50) % 256);
	}

	@ParameterizedTest
	@ValueSource(strings = { "gray8_tiled_bigtiff.tif", "gray8_striped_zlib.tif", "gray8_one_strip.tif",
		"gray8_tiled_lzw.tif", "gray16_tiled_zlib_predictor.tif", "rgb8_tiled.tif", "rgb8_planar_striped.tif",
		"rgb16_striped_bigendian.tif", "rgb8_tiled_packbits_bigtiff.tif", "mask1_striped.tif" })
	void everyLayoutReadsItsPixels(final String name) throws IOException {
		// a cache smaller than one chunk: every chunk is read again when it is needed again
		try (TiffPlanes t = new TiffPlanes(fixture(name), 1)) {
			assertEquals(150, t.tiff().width());
			assertEquals(100, t.tiff().height());
			assertEquals(name.startsWith("rgb") ? 3 : 1, t.planes().size());
			for (int c = 0; c < t.planes().size(); c++) {
				final Cursor<? extends RealType<?>> cur = Views.flatIterable(t.planes().get(c)).localizingCursor();
				while (cur.hasNext()) {
					final double v = cur.next().getRealDouble();
					assertEquals(expected(name, cur.getLongPosition(0), cur.getLongPosition(1), c), v, 0, name + " at " +
						cur.getLongPosition(0) + "," + cur.getLongPosition(1) + " channel " + c);
				}
			}
		}
	}

	@Test
	void aRegionDecodesOnlyTheChunksItTouches() throws IOException {
		try (TiffPlanes t = new TiffPlanes(fixture("gray8_tiled_lzw.tif"), 1L << 20)) {
			final RandomAccessibleInterval<? extends RealType<?>> p = t.planes().get(0);
			final FinalInterval region = new FinalInterval(new long[] { 40, 70 }, new long[] { 70, 99 });
			final Cursor<? extends RealType<?>> cur = Views.flatIterable(Views.interval(p, region)).localizingCursor();
			while (cur.hasNext()) {
				final double v = cur.next().getRealDouble();
				assertEquals(expected("gray8", cur.getLongPosition(0), cur.getLongPosition(1), 0), v, 0);
			}
			assertEquals(4, t.chunksDecoded()); // columns 1-2 and rows 2-3 of the 32 px tiles
			Views.flatIterable(Views.interval(p, region)).cursor().forEachRemaining(v -> {});
			assertEquals(4, t.chunksDecoded()); // cached
		}
	}

	@Test
	void aMaskIsReadByItsConventionFromItsLargestChannel() throws IOException {
		final MaskConvention above = new MaskConvention(200, false), inverted = new MaskConvention(Double.NaN, true);
		for (final String name : new String[] { "rgb8_tiled.tif", "mask1_striped.tif", "gray16_tiled_zlib_predictor.tif" })
			for (final MaskConvention convention : new MaskConvention[] { MaskConvention.NON_ZERO, above, inverted })
				try (TiffPlanes t = TiffPlanes.mask(fixture(name), convention, 1 << 20)) {
					final Cursor<UnsignedByteType> cur = Views.flatIterable(t.holes()).localizingCursor();
					while (cur.hasNext()) {
						final int v = cur.next().get();
						int largest = 0;
						for (int c = 0; c < (name.startsWith("rgb") ? 3 : 1); c++)
							largest = Math.max(largest, expected(name, cur.getLongPosition(0), cur.getLongPosition(1), c));
						assertEquals(convention.isHole(largest) ? 255 : 0, v, name + " " + convention);
					}
				}
	}

	@Test
	void filesWhoseChannelsWouldNotSurviveAreRefused() throws IOException {
		final Path floats = dir.resolve("float.tif");
		new FileSaver(new ImagePlus("f", new FloatProcessor(20, 10))).saveAsTiff(floats.toString());
		final BadInputException f = assertThrows(BadInputException.class, () -> TiffImage.open(floats));
		assertTrue(f.getMessage().contains("floating-point"), f.getMessage());
		final Path png = dir.resolve("not.tif");
		new FileSaver(new ImagePlus("c", new ColorProcessor(8, 8))).saveAsPng(png.toString());
		assertThrows(BadInputException.class, () -> TiffImage.open(png));
		assertTrue(!ImageFile.isTiff(png) && ImageFile.isTiff(fixture("rgb8_tiled.tif")));
		final Path rgba = dir.resolve("rgba.tif");
		javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_ARGB),
			"tiff", rgba.toFile());
		final BadInputException a = assertThrows(BadInputException.class, () -> TiffImage.open(rgba));
		assertTrue(a.getMessage().contains("4 samples per pixel"), a.getMessage());
	}
}
