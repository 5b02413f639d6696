package org.misf.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileSaver;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import ij.process.ShortProcessor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sizes read from real files' headers, before any pixel is read. */
class InputCheckTest {

	@TempDir
	Path dir;

	@Test
	void headersGiveSizeSlicesAndImageJsBytesAPixel() throws Exception {
		final Path rgb = dir.resolve("rgb.png"), g16 = dir.resolve("g16.tif"), stack = dir.resolve("stack.tif"), jpg =
			dir.resolve("gray.jpg");
		new FileSaver(new ImagePlus("a", new ColorProcessor(70, 50))).saveAsPng(rgb.toString());
		new FileSaver(new ImagePlus("b", new ShortProcessor(40, 30))).saveAsTiff(g16.toString());
		final ImageStack s = new ImageStack(20, 10);
		for (int i = 0; i < 3; i++)
			s.addSlice(new ByteProcessor(20, 10));
		new FileSaver(new ImagePlus("c", s)).saveAsTiffStack(stack.toString());
		new FileSaver(new ImagePlus("d", new ByteProcessor(33, 22))).saveAsJpeg(jpg.toString());
		assertArrayEquals(new long[] { 70, 50, 1, 4 }, InputCheck.header(rgb));
		assertArrayEquals(new long[] { 40, 30, 1, 2 }, InputCheck.header(g16));
		assertArrayEquals(new long[] { 20, 10, 3, 1 }, InputCheck.header(stack));
		assertArrayEquals(new long[] { 33, 22, 1, 1 }, InputCheck.header(jpg));
		Files.write(dir.resolve("bad.png"), new byte[] { 1, 2, 3 });
		assertTrue(InputCheck.header(dir.resolve("bad.png")) == null, "no header: no estimate, the reader says why");
	}

	@Test
	void theNeedGrowsWithTheImageAndItsFormat() throws Exception {
		final Path tif = dir.resolve("a.tif"), png = dir.resolve("a.png"), mask = dir.resolve("m.png");
		final ColorProcessor ip = new ColorProcessor(400, 300);
		new FileSaver(new ImagePlus("a", ip)).saveAsTiff(tif.toString());
		new FileSaver(new ImagePlus("a", ip)).saveAsPng(png.toString());
		new FileSaver(new ImagePlus("m", new ByteProcessor(400, 300))).saveAsPng(mask.toString());
		final long image = 400 * 300 * 4;
		assertTrue(InputCheck.need(tif, mask, false) >= 24 * InputCheck.MB + 2 * image);
		assertTrue(InputCheck.need(png, mask, false) > InputCheck.need(tif, mask, false), "ImageIO decodes a copy first");
		assertTrue(InputCheck.need(tif, mask, true) > InputCheck.need(tif, mask, false), "the copy for the change images");
	}
}
