package org.misf.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import ij.process.ShortProcessor;

import net.imglib2.RandomAccess;
import net.imglib2.type.numeric.RealType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.misf.core.ChannelPlanes;
import org.misf.core.MaskConvention;
import org.misf.model.InpaintingException;

/**
 * ImageJ images as the engine's planes: wrapped, not copied; RGB, channel sets and palettes as colours. Mask images
 * read the one way both front-ends use: thresholds, inversion, RGB, palettes, NaN, stack planes.
 */
class ImagePlanesTest {

	private static final MaskConvention ABOVE_100 = new MaskConvention(100, false);
	private static final MaskConvention INVERTED_100 = new MaskConvention(100, true);

	@TempDir
	Path dir;

	private static void set(final ChannelPlanes<?> planes, final int c, final int x, final int y, final double v) {
		final RandomAccess<? extends RealType<?>> a = planes.plane(c).randomAccess();
		a.setPosition(new long[] { x, y });
		a.get().setReal(v);
	}

	@Test
	void grayPlanesAreWrappedSoTheEngineWritesIntoTheImage() {
		final ImagePlus imp = new ImagePlus("16-bit", new ShortProcessor(4, 3));
		final ChannelPlanes<?> planes = ImagePlanes.of(imp);
		assertEquals(1, planes.count());
		set(planes, 0, 2, 1, 40000);
		assertEquals(40000, imp.getProcessor().get(2, 1));
	}

	@Test
	void anRgbPlaneGivesItsRedGreenAndBlue() {
		final ColorProcessor cp = new ColorProcessor(2, 2);
		cp.set(1, 1, 0xff102030);
		final ChannelPlanes<?> planes = ImagePlanes.of(new ImagePlus("rgb", cp));
		assertEquals(3, planes.count());
		set(planes, 1, 1, 1, 200);
		assertEquals(0xff10c830, cp.get(1, 1), "only green changed");
	}

	@Test
	void aStackOfThreeIsOneRgbImageAndOtherStacksAreRefused() {
		final ImageStack three = new ImageStack(2, 2);
		for (int i = 0; i < 3; i++)
			three.addSlice(new ByteProcessor(2, 2));
		final ImagePlus rgb = new ImagePlus("channels", three);
		final ChannelPlanes<?> planes = ImagePlanes.of(rgb);
		assertEquals(3, planes.count());
		set(planes, 2, 0, 1, 99);
		assertEquals(99, rgb.getStack().getProcessor(3).get(0, 1));
		final ImageStack two = new ImageStack(2, 2);
		two.addSlice(new ByteProcessor(2, 2));
		two.addSlice(new ByteProcessor(2, 2));
		assertEquals("The image has 2 planes; only single images and 3-channel (RGB) stacks are supported.",
			assertThrows(InpaintingException.class, () -> ImagePlanes.of(new ImagePlus("two", two))).getMessage());
	}

	@Test
	void aPaletteImageIsInpaintedInItsColours() {
		final byte[] r = { (byte) 200, 0 }, g = { 0, 0 }, b = { 0, (byte) 200 };
		final ImagePlus imp = new ImagePlus("palette", new ByteProcessor(2, 1, new byte[] { 0, 1 }, new IndexColorModel(
			8, 2, r, g, b)));
		assertTrue(ImagePlanes.isPalette(imp));
		final ChannelPlanes<?> planes = ImagePlanes.of(imp);
		assertEquals(ImagePlus.COLOR_RGB, imp.getType(), "converted in place");
		assertEquals(3, planes.count());
		assertEquals(200, planes.plane(0).randomAccess().setPositionAndGet(0, 0).getRealDouble(), 0, "red, not 0");
		assertEquals(200, planes.plane(2).randomAccess().setPositionAndGet(1, 0).getRealDouble(), 0, "blue, not 1");
		assertFalse(ImagePlanes.isPalette(new ImagePlus("gray", new ByteProcessor(2, 1))));
	}

	/** Data shown with a display ramp (ImageJ's Fire, Spectrum) keep their values: such a table is not a palette. */
	@Test
	void anImageShownWithADisplayRampIsNotAPalette() {
		for (final String ramp : new String[] { "fire", "spectrum", "ice" }) {
			final ByteProcessor data = new ByteProcessor(2, 1, new byte[] { 10, 20 });
			data.setColorModel(ij.plugin.LutLoader.getLut(ramp));
			assertTrue(data.isColorLut(), ramp);
			final ImagePlus imp = new ImagePlus(ramp, data);
			assertFalse(ImagePlanes.isPalette(imp), ramp);
			assertEquals(1, ImagePlanes.of(imp).count(), "inpainted as its one plane of values");
			assertEquals(8, imp.getBitDepth());
		}
	}

	/** 255 where the mask says hole, else 0, as bytes of a 1-row image. */
	private static byte[] holes(final ImagePlus mask, final MaskConvention c) {
		return (byte[]) ImagePlanes.holes(mask, c).getPixels();
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
		assertArrayEquals(bytes(255, 0), (byte[]) ImagePlanes.readMask(file, MaskConvention.NON_ZERO).getPixels());
	}

	@Test
	void aStackPlaneIsReadByItsIndexAndAWholeMaskMustBeOnePlane() {
		final ImageStack stack = new ImageStack(2, 1);
		stack.addSlice(new ByteProcessor(2, 1, bytes(9, 0)));
		stack.addSlice(new ByteProcessor(2, 1, bytes(0, 9)));
		final ImagePlus two = new ImagePlus("m", stack);
		assertArrayEquals(bytes(0, 255), (byte[]) ImagePlanes.holes(two, 2, MaskConvention.NON_ZERO).getPixels());
		assertEquals("The mask has 2 planes; it must be a single image.", assertThrows(InpaintingException.class,
			() -> ImagePlanes.holes(two, MaskConvention.NON_ZERO)).getMessage());
	}
}
