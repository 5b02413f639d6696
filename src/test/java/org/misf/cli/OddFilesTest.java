package org.misf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import ij.IJ;
import ij.ImagePlus;
import ij.process.ColorProcessor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files that used to be filled wrongly while reported as done: palette PNGs and PNGs with transparency. */
class OddFilesTest {

	@TempDir
	Path dir;

	private Path mask(final int w, final int h) throws IOException {
		final BufferedImage m = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
		for (int y = 28; y < 36; y++)
			for (int x = 28; x < 36; x++)
				m.getRaster().setSample(x, y, 0, 255);
		final Path p = dir.resolve("mask.png");
		ImageIO.write(m, "png", p.toFile());
		return p;
	}

	@Test
	void aPaletteImageIsFilledInColoursNotInColourNumbers() throws IOException {
		// red left half, blue right half; every other palette entry (those between their numbers) is green
		final byte[] r = new byte[256], g = new byte[256], b = new byte[256];
		r[0] = (byte) 220;
		b[255] = (byte) 220;
		g[128] = (byte) 255;
		for (int i = 1; i < 255; i++)
			if (i != 128) g[i] = (byte) 255;
		final BufferedImage img = new BufferedImage(64, 64, BufferedImage.TYPE_BYTE_INDEXED, new IndexColorModel(8, 256,
			r, g, b));
		for (int y = 0; y < 64; y++)
			for (int x = 0; x < 64; x++)
				img.getRaster().setSample(x, y, 0, x < 32 ? 0 : 255);
		final Path in = dir.resolve("palette.png");
		ImageIO.write(img, "png", in.toFile());
		final InpaintCliTest.Run run = InpaintCliTest.run("inpaint", in.toString(), mask(64, 64).toString(), "-o",
			dir.resolve("out/").toString(), "--quiet");
		assertEquals(0, run.code, run.err);
		final ImagePlus out = IJ.openImage(dir.resolve("out/palette.png").toString());
		final ColorProcessor cp = (ColorProcessor) out.getProcessor().convertToRGB();
		double green = 0;
		for (int y = 28; y < 36; y++)
			for (int x = 28; x < 36; x++)
				green += (cp.get(x, y) >> 8) & 0xff;
		// filling colour numbers gives numbers between 0 and 255: pure green (255) in this palette; filling the
		// colours gives red, blue and what the network makes of such a saturated edge (71 here)
		assertTrue(green / 64 < 128, "mean green in the fill " + green / 64);
	}

	@Test
	void aTransparentPngIsRefusedAndNothingIsWritten() throws IOException {
		final BufferedImage img = new BufferedImage(64, 64, BufferedImage.TYPE_INT_ARGB);
		for (int y = 0; y < 64; y++)
			for (int x = 0; x < 64; x++)
				img.setRGB(x, y, (x < 32 ? 0x80 : 0xff) << 24 | 0x336699);
		final Path in = dir.resolve("alpha.png");
		ImageIO.write(img, "png", in.toFile());
		final InpaintCliTest.Run run = InpaintCliTest.run("inpaint", in.toString(), mask(64, 64).toString(), "-o",
			dir.resolve("out/").toString(), "--quiet");
		assertEquals(1, run.code, run.out + run.err);
		assertTrue(run.err.contains("transparent pixels"), run.err);
		assertFalse(Files.exists(dir.resolve("out/alpha.png")));
	}

	@Test
	void aTiffWithChannelsImageJWouldDropIsRefused() throws IOException {
		final BufferedImage rgba = new BufferedImage(64, 64, BufferedImage.TYPE_INT_ARGB);
		final Path in = dir.resolve("rgba.tif");
		ImageIO.write(rgba, "tiff", in.toFile());
		final InpaintCliTest.Run run = InpaintCliTest.run("inpaint", in.toString(), mask(64, 64).toString(), "-o",
			dir.resolve("out/").toString(), "--quiet");
		assertEquals(1, run.code, run.out + run.err);
		assertTrue(run.err.contains("has 4 samples per pixel"), run.err);
		assertFalse(Files.exists(dir.resolve("out/rgba.tif")));
	}

	@Test
	void aFileImageJCannotReadGivesOneLineAndNoConsoleNoise() throws IOException {
		final Path in = Files.write(dir.resolve("bad.png"), new byte[] { 1, 2, 3, 4, 5 });
		final Path m = mask(64, 64);
		final java.io.PrintStream realOut = System.out, realErr = System.err;
		final java.io.ByteArrayOutputStream console = new java.io.ByteArrayOutputStream();
		final InpaintCliTest.Run run;
		System.setOut(new java.io.PrintStream(console, true));
		System.setErr(new java.io.PrintStream(console, true));
		try {
			run = InpaintCliTest.run("inpaint", in.toString(), m.toString(), "-o", dir.resolve("out/").toString(),
				"--quiet");
		}
		finally {
			System.setOut(realOut);
			System.setErr(realErr);
		}
		assertEquals("", console.toString(), "ImageJ's own messages reach the console");
		assertEquals(1, run.code);
		assertEquals("error: bad.png: the file " + in + " cannot be opened as an image.", run.err.trim());
		assertTrue(run.out.startsWith("0 inpainted"), "only the summary on stdout: " + run.out);
	}
}
