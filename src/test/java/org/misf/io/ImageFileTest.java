package org.misf.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import ij.ImagePlus;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.misf.model.InpaintingException;

/** Image files as both front-ends read them: faithful files open, the others are one sentence each. */
class ImageFileTest {

	@TempDir
	Path dir;

	@Test
	void aPlainPngOpensWithItsPixels() throws IOException {
		final BufferedImage gray = new BufferedImage(5, 4, BufferedImage.TYPE_BYTE_GRAY);
		gray.getRaster().setSample(3, 2, 0, 77);
		final Path p = dir.resolve("gray.png");
		ImageIO.write(gray, "png", p.toFile());
		final ImagePlus imp = ImageFile.open(p);
		assertEquals(ImagePlus.GRAY8, imp.getType());
		assertEquals(77, imp.getProcessor().get(3, 2));
	}

	@Test
	void aMissingFileAndAnUnreadableOneAreOneSentence() throws IOException {
		final Path none = dir.resolve("none.png");
		assertEquals("the file " + none + " does not exist.", assertThrows(InpaintingException.class, () -> ImageFile
			.open(none)).getMessage());
		final Path bad = Files.write(dir.resolve("bad.png"), new byte[] { 1, 2, 3 });
		assertEquals("the file " + bad + " cannot be opened as an image.", assertThrows(InpaintingException.class,
			() -> ImageFile.open(bad)).getMessage());
	}

	/**
	 * A PNG cut short (ImageJ's reader fails inside ImageIO and calls IJ.error, which in a macro would open the macro
	 * interpreter's modal error dialog: ImageFile's quiet calls) is one sentence, and ImageJ's error handling is as it was after.
	 */
	@Test
	void aTruncatedPngIsOneSentenceAndLeavesImageJsErrorHandlingAsItWas() throws IOException {
		final BufferedImage rgb = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
		for (int i = 0; i < 64 * 64; i++)
			rgb.setRGB(i % 64, i / 64, i * 7919);
		final Path whole = dir.resolve("whole.png");
		ImageIO.write(rgb, "png", whole.toFile());
		final byte[] bytes = Files.readAllBytes(whole);
		final Path cut = Files.write(dir.resolve("cut.png"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
		assertEquals("the file " + cut + " cannot be opened as an image.", assertThrows(InpaintingException.class,
			() -> ImageFile.open(cut)).getMessage());
		assertTrue(!ij.IJ.redirectingErrorMessages(), "ImageJ's errors are no longer redirected");
	}

	@Test
	void transparencyImageJWouldDropIsRefused() throws IOException {
		final BufferedImage argb = new BufferedImage(4, 4, BufferedImage.TYPE_INT_ARGB);
		argb.setRGB(1, 1, 0x80336699);
		final Path p = dir.resolve("alpha.png");
		ImageIO.write(argb, "png", p.toFile());
		assertTrue(assertThrows(InpaintingException.class, () -> ImageFile.open(p)).getMessage().contains(
			"transparent pixels"));
	}

	@Test
	void tiffSamplesAreReadFromTheHeader() throws IOException {
		final BufferedImage rgba = new BufferedImage(8, 8, BufferedImage.TYPE_INT_ARGB);
		final BufferedImage rgb = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
		final BufferedImage gray = new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_GRAY);
		final Object[][] cases = { { rgba, 4 }, { rgb, 3 }, { gray, 1 } };
		for (final Object[] c : cases) {
			final Path p = dir.resolve("t" + c[1] + ".tif");
			assertTrue(ImageIO.write((BufferedImage) c[0], "tiff", p.toFile()));
			assertEquals(c[1], TiffSamples.of(p));
		}
		final Path five = Files.write(dir.resolve("five.tif"), tiffDeclaring(5));
		assertEquals(5, TiffSamples.of(five));
		assertTrue(assertThrows(InpaintingException.class, () -> ImageFile.open(five)).getMessage().contains(
			"has 5 samples per pixel"));
		assertEquals(-1, TiffSamples.of(Files.write(dir.resolve("no.tif"), new byte[] { 1, 2, 3 })));
	}

	/** A little-endian TIFF header and one IFD holding only SamplesPerPixel = {@code samples}. */
	private static byte[] tiffDeclaring(final int samples) {
		final ByteBuffer b = ByteBuffer.allocate(8 + 2 + 12 + 4).order(ByteOrder.LITTLE_ENDIAN);
		b.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
		b.putShort((short) 1).putShort((short) 277).putShort((short) 3).putInt(1).putShort((short) samples).putShort(
			(short) 0).putInt(0);
		return b.array();
	}
}
