package org.misf.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.misf.core.MaskConvention;
import org.misf.model.InpaintingException;

/** Mask images read the one way both front-ends use: thresholds, inversion, RGB, palettes, NaN, stack planes. */
class MaskImageTest {

	private static final MaskConvention ABOVE_100 = new MaskConvention(100, false);
	private static final MaskConvention INVERTED_100 = new MaskConvention(100, true);

	@TempDir
	Path dir;

	/** 255 where the mask says hole, else 0, as bytes of a 1-row image. */
	private static byte[] holes(final ImagePlus mask, final MaskConvention c) {
		return (byte[]) MaskImage.holes(mask, c).getPixels();
	}

	private static byte[] bytes(final int... v) {
		final byte[] b = new byte[v.length];
		for (int i = 0; i < v.length; i++)
			b[i] = (byte) v[i];
		return b;
	}

	@Test
	void grayValuesByThresholdAndInversion() {
		final ImagePlus gray = new ImagePlus("m", new ByteProcessor(4, 1, bytes(0, 50, 150, 255)));
		assertArrayEquals(bytes(0, 255, 255, 255), holes(gray, MaskConvention.NON_ZERO));
		assertArrayEquals(bytes(0, 0, 255, 255), holes(gray, ABOVE_100));
		assertArrayEquals(bytes(255, 255, 0, 0), holes(gray, INVERTED_100));
	}

	@Test
	void rgbMasksUseTheirLargestChannel() {
		final ImagePlus rgb = new ImagePlus("m", new ColorProcessor(3, 1, new int[] { 0x000000, 0x000078, 0x320a14 }));
		assertArrayEquals(bytes(0, 255, 255), holes(rgb, MaskConvention.NON_ZERO));
		assertArrayEquals(bytes(0, 255, 0), holes(rgb, ABOVE_100), "0x78 = 120 is above 100, 0x32 = 50 is not");
	}

	@Test
	void nanOfAFloatMaskIsAHoleByTheNonZeroRuleOnly() {
		final ImagePlus f = new ImagePlus("m", new FloatProcessor(3, 1, new float[] { Float.NaN, 0, 200 }));
		assertArrayEquals(bytes(255, 0, 255), holes(f, MaskConvention.NON_ZERO));
		assertArrayEquals(bytes(0, 0, 255), holes(f, ABOVE_100));
		assertArrayEquals(bytes(0, 255, 0), holes(f, new MaskConvention(Double.NaN, true)));
	}

	/**
	 * A palette mask: colour number 0 is red (255, 0, 0) and 1 is black. Its colours decide, not its numbers, in
	 * memory and read from a file alike.
	 */
	@Test
	void paletteMasksAreReadByTheirColours() throws IOException {
		final byte[] r = { (byte) 255, 0 }, g = { 0, 0 }, b = { 0, 0 };
		final IndexColorModel palette = new IndexColorModel(8, 2, r, g, b);
		final ImagePlus inMemory = new ImagePlus("m", new ByteProcessor(2, 1, bytes(0, 1), palette));
		assertEquals(true, ImagePlanes.isPalette(inMemory));
		assertArrayEquals(bytes(255, 0), holes(inMemory, MaskConvention.NON_ZERO), "red is a hole, black is not");
		final BufferedImage indexed = new BufferedImage(2, 1, BufferedImage.TYPE_BYTE_INDEXED, palette);
		indexed.getRaster().setSample(1, 0, 0, 1);
		final Path file = dir.resolve("palette.png");
		ImageIO.write(indexed, "png", file.toFile());
		assertArrayEquals(bytes(255, 0), (byte[]) MaskImage.read(file, MaskConvention.NON_ZERO).getPixels());
	}

	@Test
	void aStackPlaneIsReadByItsIndexAndAWholeMaskMustBeOnePlane() {
		final ImageStack stack = new ImageStack(2, 1);
		stack.addSlice(new ByteProcessor(2, 1, bytes(9, 0)));
		stack.addSlice(new ByteProcessor(2, 1, bytes(0, 9)));
		final ImagePlus two = new ImagePlus("m", stack);
		assertArrayEquals(bytes(0, 255), (byte[]) MaskImage.holes(two, 2, MaskConvention.NON_ZERO).getPixels());
		assertEquals("The mask has 2 planes; it must be a single image.", assertThrows(InpaintingException.class,
			() -> MaskImage.holes(two, MaskConvention.NON_ZERO)).getMessage());
	}
}
