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
		final InpaintCommandTest.Run a = InpaintCommandTest.run("inpaint", image.toString(), binary.toString(), "-o", dir
			.resolve("a.png").toString(), "--quiet");
		final InpaintCommandTest.Run b = InpaintCommandTest.run("inpaint", image.toString(), jpeg.toString(), "-o", dir
			.resolve("b.png").toString(), "--quiet", "--invert-mask", "--mask-threshold", "100");
		assertEquals(0, a.code, a.err);
		assertEquals(0, b.code, b.err);
		assertArrayEquals((int[]) IJ.openImage(dir.resolve("a.png").toString()).getProcessor().getPixels(), (int[]) IJ
			.openImage(dir.resolve("b.png").toString()).getProcessor().getPixels());
		final String record = new String(java.nio.file.Files.readAllBytes(dir.resolve("b.png.json")),
			java.nio.charset.StandardCharsets.UTF_8);
		assertTrue(record.contains("\"holes_are\": \"inverted: <= 100\""), record);
	}
}
