package org.misf.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;

import javax.imageio.ImageIO;

import ij.IJ;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.misf.core.MaskConvention;

/** Masks as they come from the field: white = known, saved as JPEG, read with --invert-mask --mask-threshold. */
class MaskConventionTest {

	@TempDir
	Path dir;

	@Test
	void theRuleSaysWhatIsAHole() {
		assertTrue(MaskConvention.NON_ZERO.isHole(1) && !MaskConvention.NON_ZERO.isHole(0));
		final MaskConvention dunhuang = new MaskConvention(100, true);
		assertTrue(dunhuang.isHole(0) && dunhuang.isHole(100) && !dunhuang.isHole(101) && !dunhuang.isHole(255));
		assertEquals("inverted: <= 100", dunhuang.toString());
		assertEquals("> 100", new MaskConvention(100, false).toString());
	}

	@Test
	@Tag("slow")
	void anInvertedJpegMaskWithThreshold100GivesTheSameHolesAsTheBinaryMask() throws IOException {
		final Path image = Paths.get("examples/mural.png").toAbsolutePath();
		final Path binary = Paths.get("examples/mural_mask.png").toAbsolutePath();
		final BufferedImage m = ImageIO.read(binary.toFile());
		final BufferedImage inverted = new BufferedImage(m.getWidth(), m.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
		for (int y = 0; y < m.getHeight(); y++)
			for (int x = 0; x < m.getWidth(); x++)
				inverted.getRaster().setSample(x, y, 0, (m.getRGB(x, y) & 0xffffff) != 0 ? 0 : 255);
		final Path jpeg = dir.resolve("mural_mask_white_known.jpg");
		assertTrue(ImageIO.write(inverted, "jpg", jpeg.toFile()));
		final InpaintCliTest.Run a = InpaintCliTest.run("inpaint", image.toString(), binary.toString(), "-o", dir
			.resolve("a.png").toString(), "--quiet");
		final InpaintCliTest.Run b = InpaintCliTest.run("inpaint", image.toString(), jpeg.toString(), "-o", dir
			.resolve("b.png").toString(), "--quiet", "--invert-mask", "--mask-threshold", "100");
		assertEquals(0, a.code, a.err);
		assertEquals(0, b.code, b.err);
		assertArrayEquals((int[]) IJ.openImage(dir.resolve("a.png").toString()).getProcessor().getPixels(), (int[]) IJ
			.openImage(dir.resolve("b.png").toString()).getProcessor().getPixels());
		final String record = new String(java.nio.file.Files.readAllBytes(dir.resolve("b.png.json")),
			java.nio.charset.StandardCharsets.UTF_8);
		assertTrue(record.contains("\"holes_are\": \"inverted: <= 100\""), record);
	}

	@Test
	void saveChangesShowsTheHolesReadAndExactlyThePixelsThatChanged() throws IOException {
		final Path image = Paths.get("examples/mural.png").toAbsolutePath();
		final Path mask = Paths.get("examples/mural_mask.png").toAbsolutePath();
		final InpaintCliTest.Run run = InpaintCliTest.run("inpaint", image.toString(), mask.toString(), "-o", dir
			.resolve("r.png").toString(), "--quiet", "--save-changes", "--dilate", "1");
		assertEquals(0, run.code, run.err);
		final byte[] holes = (byte[]) IJ.openImage(dir.resolve("r.holes.png").toString()).getProcessor().getPixels();
		final byte[] changed = (byte[]) IJ.openImage(dir.resolve("r.changed.png").toString()).getProcessor().getPixels();
		final int[] before = (int[]) IJ.openImage(image.toString()).getProcessor().getPixels();
		final int[] after = (int[]) IJ.openImage(dir.resolve("r.png").toString()).getProcessor().getPixels();
		final byte[] m = (byte[]) IJ.openImage(mask.toString()).getProcessor().convertToByte(false).getPixels();
		final int w = IJ.openImage(image.toString()).getWidth();
		int nHoles = 0, nChanged = 0;
		for (int i = 0; i < holes.length; i++) {
			assertEquals(m[i] != 0, holes[i] != 0, "holes as read, at " + i);
			assertEquals(before[i] != after[i], changed[i] != 0, "changed exactly where the result differs, at " + i);
			if (holes[i] != 0) nHoles++;
			if (changed[i] != 0) {
				nChanged++;
				boolean near = false; // within the 1 px dilation of a hole
				for (int dy = -1; dy <= 1; dy++)
					for (int dx = -1; dx <= 1; dx++) {
						final int j = i + dy * w + dx;
						near |= j >= 0 && j < holes.length && holes[j] != 0;
					}
				assertTrue(near, "a change away from the holes at " + i);
			}
		}
		assertTrue(nHoles > 0 && nChanged >= nHoles / 2, nHoles + " holes, " + nChanged + " changed");
	}

	/** "default" is one word in any case for every front-end (it failed in the CLI and MISF Batch as "Default"). */
	@Test
	void theDefaultModelIsOneWordInAnyCase() {
		final Path image = Paths.get("examples/mural.png").toAbsolutePath();
		final Path mask = Paths.get("examples/mural_mask.png").toAbsolutePath();
		final InpaintCliTest.Run run = InpaintCliTest.run("inpaint", image.toString(), mask.toString(), "-o", dir
			.resolve("d.png").toString(), "--quiet", "--model", "Default");
		assertEquals(0, run.code, run.err);
		for (final String w : new String[] { "default", "Default", " DEFAULT ", "", null })
			assertTrue(org.misf.model.ModelPackage.isDefaultWord(w), String.valueOf(w));
		assertTrue(!org.misf.model.ModelPackage.isDefaultWord("models/default-copy"));
	}
}
