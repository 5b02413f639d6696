package org.misf.imagej;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.OvalRoi;
import ij.gui.PolygonRoi;
import ij.gui.Roi;
import ij.io.FileSaver;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;

import net.imglib2.img.array.ArrayImgs;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.misf.metrics.ImageMetrics;
import org.misf.metrics.MetricImage;
import org.misf.metrics.MetricOptions;
import org.misf.metrics.MetricScores;

/**
 * The shipped macros in the real ImageJ 1.x with the packaged plugin jar (the jar, plugins.config and
 * the runtime dependencies laid out as a user installs them): only hole pixels change, files are written,
 * metrics land in the Results table and the CSV (the folder macro and failures: {@link UnattendedMacrosTest}).
 */
@Tag("packaged") // runs the plugin jar of the package phase
class ImageJ1EndToEndTest {

	static final int W = 96, H = 64;

	@TempDir
	static Path dir;

	private static ImageJ1Runner ij;

	@BeforeAll
	static void layOutPlugins() throws IOException {
		ij = ImageJ1Runner.create(dir.resolve("ij"));
	}

	/** A smooth colour picture with some structure (the network fills holes from such context). */
	static ColorProcessor picture(final int seed) {
		final ColorProcessor cp = new ColorProcessor(W, H);
		for (int y = 0; y < H; y++)
			for (int x = 0; x < W; x++) {
				final int r = (int) (128 + 100 * Math.sin((x + seed * 7) / 9.0));
				final int g = (int) (128 + 90 * Math.cos((y + seed * 3) / 7.0));
				final int b = (int) (60 + 2 * x % 120 + y);
				cp.set(x, y, 0xff000000 | (r & 255) << 16 | (g & 255) << 8 | (Math.min(b, 255)));
			}
		return cp;
	}

	static Path savePng(final ImagePlus imp, final Path file) {
		assertTrue(new FileSaver(imp).saveAsPng(file.toString()), "could not write " + file);
		return file;
	}

	static ColorProcessor readRgb(final Path file) {
		assertTrue(Files.isRegularFile(file), file + " was not written");
		final ImagePlus imp = IJ.openImage(file.toString());
		return (ColorProcessor) imp.getProcessor().convertToRGB();
	}

	/** Asserts that pixels outside {@code holes} are identical and that most hole pixels changed. */
	static void assertOnlyHolesChanged(final ColorProcessor before, final ColorProcessor after, final ByteProcessor holes) {
		final int w = before.getWidth(), n = before.getPixelCount();
		assertEquals(n, after.getPixelCount());
		int holesTotal = 0, holesChanged = 0;
		for (int i = 0; i < n; i++) {
			final boolean changed = (before.get(i) & 0xffffff) != (after.get(i) & 0xffffff);
			if (holes.get(i) != 0) {
				holesTotal++;
				if (changed) holesChanged++;
			}
			else assertTrue(!changed, "pixel (" + i % w + ", " + i / w + ") is outside the holes but changed");
		}
		assertTrue(holesTotal > 0);
		assertTrue(holesChanged > holesTotal / 2, holesChanged + " of " + holesTotal + " hole pixels changed");
	}

	@Test
	@Tag("slow")
	void selectionAndRoiManagerRois() throws Exception {
		final Path in = savePng(new ImagePlus("mural", picture(1)), dir.resolve("mural.png"));
		final Path out = dir.resolve("mural-inpainted.png");
		final ImageJ1Runner.Run run = ij.batch(Paths.get("macros/inpaint_rois.ijm"), "input=[" + in + "] output=[" +
			out + "]");
		assertEquals(0, run.exitCode, run.output);
		assertTrue(run.output.contains("inpainted "), run.output);
		final ByteProcessor holes = new ByteProcessor(W, H);
		PlaneMasks.fill(holes, new OvalRoi(20, 10, 20, 16));
		PlaneMasks.fill(holes, new Roi(60, 30, 10, 12));
		PlaneMasks.fill(holes, new PolygonRoi(new int[] { 8, 30, 34, 12 }, new int[] { 50, 44, 58, 60 }, 4, Roi.POLYGON));
		assertOnlyHolesChanged(picture(1), readRgb(out), holes);
	}

	static ByteProcessor strokes() {
		final ByteProcessor m = new ByteProcessor(W, H);
		m.setColor(255);
		m.setLineWidth(3);
		m.drawLine(5, 5, 80, 40);
		m.drawLine(10, 60, 90, 20);
		m.fill(new OvalRoi(40, 40, 9, 7));
		return m;
	}

	/** An error in a -batch macro on Xvfb used to open a dialog nobody could close: the job hung forever. */
	@Test
	@Tag("slow")
	void anErrorInABatchMacroEndsTheJobWithTheMessage() throws Exception {
		final Path in = Paths.get("examples/mural.png").toAbsolutePath();
		final Path wrongMask = savePng(new ImagePlus("m", new ByteProcessor(7, 5)), dir.resolve("small_mask.png"));
		final Path out = dir.resolve("never.png");
		final ImageJ1Runner.Run run = ij.batch(Paths.get("macros/inpaint_with_mask.ijm"), "input=[" + in + "] mask=[" +
			wrongMask + "] output=[" + out + "]", 120);
		assertEquals(2, run.exitCode, "the command line's code for nothing done: " + run.output);
		assertTrue(run.output.contains("MISF Inpaint: "), run.output);
		assertTrue(run.output.contains("7x5"), "the sentence names the problem: " + run.output);
		assertTrue(!Files.exists(out), "the macro stopped at the error");
	}

	@Test
	@Tag("slow")
	void maskImageOnTheShippedExample() throws Exception {
		final Path in = Paths.get("examples/mural.png").toAbsolutePath();
		final Path mask = Paths.get("examples/mural_mask.png").toAbsolutePath();
		final ColorProcessor before = readRgb(in);
		final Path out = dir.resolve("mural-out.png");
		final ImageJ1Runner.Run run = ij.batch(Paths.get("macros/inpaint_with_mask.ijm"), "input=[" + in + "] mask=[" +
			mask + "] output=[" + out + "]");
		assertEquals(0, run.exitCode, run.output);
		final ByteProcessor holes = IJ.openImage(mask.toString()).getProcessor().convertToByteProcessor(false);
		assertOnlyHolesChanged(before, readRgb(out), holes);
		assertEquals(before.get(0, 0), readRgb(in).get(0, 0), "the input file is untouched");
	}

	@Test
	@Tag("slow")
	void metricsGoToTheResultsTableAndCsv() throws Exception {
		final ColorProcessor reference = picture(3);
		final ColorProcessor result = (ColorProcessor) reference.duplicate();
		result.setColor(0x808080);
		result.fill(new Roi(30, 20, 20, 15));
		final ByteProcessor mask = new ByteProcessor(W, H);
		PlaneMasks.fill(mask, new Roi(30, 20, 20, 15));
		final Path ref = savePng(new ImagePlus("gt", reference), dir.resolve("gt.png"));
		final Path res = savePng(new ImagePlus("res", result), dir.resolve("res.png"));
		final Path m = savePng(new ImagePlus("m", mask), dir.resolve("m.png"));
		final Path csv = dir.resolve("scores.csv");
		final ImageJ1Runner.Run run = ij.batch(Paths.get("macros/inpainting_metrics.ijm"), "result=[" + res +
			"] reference=[" + ref + "] mask=[" + m + "] csv=[" + csv + "]");
		assertEquals(0, run.exitCode, run.output);
		final List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
		assertEquals(2, lines.size(), String.join("\n", lines));
		final String[] header = lines.get(0).split(",");
		final String[] row = lines.get(1).split(",");
		final MetricScores expected = ImageMetrics.compute(MetricImage.ofARGB(ArrayImgs.argbs((int[]) result
			.getPixels(), W, H)), MetricImage.ofARGB(ArrayImgs.argbs((int[]) reference.getPixels(), W, H)), null,
			MetricOptions.PAPER);
		assertEquals(expected.psnr(), Double.parseDouble(row[column(header, "PSNR")]), 1e-3);
		assertEquals(expected.ssim(), Double.parseDouble(row[column(header, "SSIM")]), 1e-3);
		assertEquals(expected.l1(), Double.parseDouble(row[column(header, "L1 (%)")]), 1e-3);
		final double lpips = Double.parseDouble(row[column(header, "LPIPS")]);
		assertTrue(lpips > 0 && lpips < 1, "LPIPS " + lpips);
		assertEquals(100.0 * 20 * 15 / (W * H), Double.parseDouble(row[column(header, "Hole %")]), 1e-2);
		assertTrue(run.output.contains("PSNR"), run.output);
	}

	static int column(final String[] header, final String name) {
		for (int i = 0; i < header.length; i++)
			if (header[i].replace("\"", "").trim().equals(name)) return i;
		throw new AssertionError("no column " + name + " in " + String.join(",", header));
	}
}
