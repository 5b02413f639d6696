package org.misf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import ij.ImagePlus;
import ij.io.FileSaver;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code evaluate} end to end with the shipped model and LPIPS: report files, skipped files, and every
 * per-image number equal to what {@code metrics} gives on the saved reference and result.
 */
class EvaluateCliTest {

	final ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();

	int run(final String... args) {
		return Main.run(Arrays.asList(args), new PrintStream(out, true), new PrintStream(err, true));
	}

	static void writeScene(final Path file, final int w, final int h, final int seed) {
		final ColorProcessor cp = new ColorProcessor(w, h);
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				final int r = (int) (127 + 100 * Math.sin((x + seed) / 5.0)), g = (int) (127 + 100 * Math.cos(y / 7.0)),
					b = (x * 3 + y * 2 + seed * 20) % 256;
				cp.set(x, y, r << 16 | g << 8 | b);
			}
		new FileSaver(new ImagePlus("s", cp)).saveAsPng(file.toString());
	}

	/** A 64x64 mask whose first {@code rows} rows are holes. */
	static void writeMask(final Path file, final int rows) {
		final ByteProcessor bp = new ByteProcessor(64, 64);
		bp.setValue(255);
		bp.setRoi(0, 0, 64, rows);
		bp.fill();
		new FileSaver(new ImagePlus("m", bp)).saveAsPng(file.toString());
	}

	@Test
	void writesTheTableAndMatchesTheSingleImageMetrics(@TempDir final Path tmp) throws Exception {
		final Path images = Files.createDirectory(tmp.resolve("images")), masks = Files.createDirectory(tmp.resolve(
			"masks")), report = tmp.resolve("report");
		writeScene(images.resolve("a.png"), 80, 64, 1); // non-square: centre crop
		writeScene(images.resolve("b.png"), 64, 64, 2);
		writeScene(images.resolve("c.png"), 70, 90, 3);
		Files.write(images.resolve("d.png"), new byte[] { 0, 1, 2 });
		writeMask(masks.resolve("m1.png"), 8); // 12.5%
		writeMask(masks.resolve("m2.png"), 20); // 31%
		writeMask(masks.resolve("m3.png"), 32); // 50%
		final int rc = run("evaluate", "--images", images.toString(), "--masks", masks.toString(), "-o",
			report.toString(), "--size", "64", "--device", "cpu", "--save-images", "--quiet");
		final String stderr = err.toString(StandardCharsets.UTF_8);
		assertEquals(1, rc, stderr);
		assertTrue(stderr.contains("skipped " + images.resolve("d.png") +
			": 'd.png' could not be read as an image (unsupported or damaged file)."), stderr);
		final String md = Files.readString(report.resolve("evaluation.md"));
		assertTrue(md.contains("| LPIPS ↓ |"), md);
		assertTrue(md.contains("LPIPS v0.1 (SqueezeNet)"), md);
		assertTrue(md.contains("| Images | 1 | 1 | 1 | 3 |"), md);
		final List<String> rows = Files.readAllLines(report.resolve("per_image.csv"));
		assertEquals(4, rows.size());
		for (final String row : rows.subList(1, rows.size())) {
			final String[] c = row.split(",");
			final String stem = c[0].replace(".png", "");
			final Path csv = tmp.resolve(stem + ".csv");
			assertEquals(0, run("metrics", report.resolve("images/" + stem + "_result.tif").toString(), report
				.resolve("images/" + stem + "_reference.tif").toString(), "--csv", csv.toString()));
			final String[] single = Files.readAllLines(csv).get(1).split(",");
			for (int k = 0; k < 4; k++)
				assertEquals(c[6 + k], single[3 + k], stem + " metric " + k);
		}
		final List<String> bins = Files.readAllLines(report.resolve("per_bin.csv"));
		assertTrue(bins.get(1).startsWith("0-20%,1,") && bins.get(2).startsWith("20-40%,1,") && bins.get(3)
			.startsWith("40-60%,1,"), bins.toString());
	}

	@Test
	void emptyFolderIsOneClearSentence(@TempDir final Path tmp) throws Exception {
		final Path empty = Files.createDirectory(tmp.resolve("empty"));
		assertEquals(2, run("evaluate", "--images", empty.toString(), "--masks", empty.toString()));
		assertEquals("error: The image folder '" + empty + "' has no files.\n", err.toString(StandardCharsets.UTF_8));
	}
}
