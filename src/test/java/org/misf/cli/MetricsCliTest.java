package org.misf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import ij.ImagePlus;
import ij.io.FileSaver;
import ij.process.ByteProcessor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code metrics} command on the committed fixtures (LPIPS off: the DJL path is tested in LpipsModelTest). */
class MetricsCliTest {

	static Path fixtures() throws Exception {
		return Paths.get(MetricsCliTest.class.getResource("/metrics/reference.csv").toURI()).getParent();
	}

	final ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();

	int run(final String... args) {
		final List<String> line = new ArrayList<>(Arrays.asList(args));
		line.add(0, "metrics");
		return Main.run(line, new PrintStream(out, true), new PrintStream(err, true));
	}

	String err() {
		return err.toString(StandardCharsets.UTF_8);
	}

	/** The reference.csv row of a case and mode. */
	static String[] reference(final String kase, final String mode) throws Exception {
		final List<String> lines = Files.readAllLines(fixtures().resolve("reference.csv"));
		for (final String l : lines)
			if (l.startsWith(kase + ",") && l.split(",", -1)[4].equals(mode)) return l.split(",", -1);
		throw new AssertionError(kase);
	}

	@Test
	void printsAndAppendsRowsEqualToTheReference(@TempDir final Path tmp) throws Exception {
		final Path f = fixtures();
		final Path csv = tmp.resolve("scores.csv");
		final String[] ref = reference("rgb8_odd_45x33", "paper");
		for (int i = 0; i < 2; i++)
			assertEquals(0, run(f.resolve("rgb8_odd_45x33_b.png").toString(), f.resolve("rgb8_odd_45x33_a.png")
				.toString(), "--mask", f.resolve("rgb8_odd_45x33_mask.png").toString(), "--lpips", "none", "--csv", csv
					.toString()), err());
		final String printed = out.toString(StandardCharsets.UTF_8);
		assertTrue(printed.startsWith(String.format(java.util.Locale.ROOT, "PSNR %.3f dB  SSIM %.4f  L1 %.3f %%  LPIPS not measured",
			Double.parseDouble(ref[13]), Double.parseDouble(ref[14]), Double.parseDouble(ref[16]))), printed);
		assertTrue(printed.contains("hole pixels only (175 hole pixels, 11.78% of the image)"), printed);
		final List<String> rows = Files.readAllLines(csv);
		assertEquals(3, rows.size());
		assertEquals(MetricsCli.CSV_HEADER, rows.get(0));
		final String[] cells = rows.get(1).split(",");
		assertEquals(Double.parseDouble(ref[13]), Double.parseDouble(cells[3]), 1e-9, "hole PSNR");
		assertEquals(Double.parseDouble(ref[14]), Double.parseDouble(cells[4]), 1e-6, "hole SSIM");
		assertEquals(Double.parseDouble(ref[16]), Double.parseDouble(cells[5]), 1e-9, "hole L1");
		assertEquals("", cells[6], "LPIPS not measured");
	}

	@Test
	void optionsSelectTheVariant() throws Exception {
		final Path f = fixtures();
		final String[] ref = reference("gray16_27x30", "uint16");
		assertEquals(0, run(f.resolve("gray16_27x30_a.png").toString(), f.resolve("gray16_27x30_b.png").toString(),
			"--mode", "uint16", "--ssim", "gaussian", "--lpips", "none"), err());
		final String printed = out.toString(StandardCharsets.UTF_8);
		assertTrue(printed.startsWith(String.format(java.util.Locale.ROOT, "PSNR %.3f dB  SSIM %.4f", Double.parseDouble(
			ref[9]), Double.parseDouble(ref[11]))), printed);
		assertTrue(printed.contains("16-bit (clamp, x65535, truncate to uint16); SSIM 11x11 Gaussian"), printed);
	}

	@Test
	void differentSizesAreOneClearSentence() throws Exception {
		final Path f = fixtures();
		assertEquals(2, run(f.resolve("rgb8_48x64_a.png").toString(), f.resolve("rgb8_odd_45x33_a.png").toString(),
			"--lpips", "none"));
		assertEquals("error: The result is 64x48 but the reference is 33x45: they must have the same size." +
			System.lineSeparator(), err());
	}

	@Test
	void differentChannelCountsAreOneClearSentence(@TempDir final Path tmp) throws Exception {
		final Path gray = tmp.resolve("gray.tif");
		new FileSaver(new ImagePlus("gray", new ByteProcessor(64, 48))).saveAsTiff(gray.toString()); // same size as the RGB
		assertEquals(2, run(gray.toString(), fixtures().resolve("rgb8_48x64_b.png").toString(), "--lpips", "none"));
		assertEquals("error: The result has 1 channel (gray) but the reference has 3 channels." +
			System.lineSeparator(), err());
	}

	@Test
	void unreadableAndMissingFiles(@TempDir final Path tmp) throws IOException {
		final Path junk = Files.write(tmp.resolve("junk.png"), new byte[] { 9, 9, 9 });
		assertEquals(2, run(junk.toString(), junk.toString(), "--lpips", "none"));
		assertEquals("error: 'junk.png' could not be read as an image (unsupported or damaged file)." +
			System.lineSeparator(), err());
		err.reset();
		assertEquals(2, run(tmp.resolve("none.png").toString(), junk.toString()));
		assertEquals("error: '" + tmp.resolve("none.png") + "' does not exist or is not a file." +
			System.lineSeparator(), err());
		err.reset();
		assertEquals(2, run("only-one.png"));
		assertTrue(err().startsWith("error: Missing required parameter: 'REFERENCE'"), err());
	}
}
