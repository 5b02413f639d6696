package org.misf.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.IndexColorModel;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import ij.process.ShortProcessor;

import net.imglib2.RandomAccess;
import net.imglib2.type.numeric.RealType;

import org.junit.jupiter.api.Test;
import org.misf.core.ChannelPlanes;
import org.misf.model.InpaintingException;

/** ImageJ images as the engine's planes: wrapped, not copied; RGB, channel sets and palettes as colours. */
class ImagePlanesTest {

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
}
