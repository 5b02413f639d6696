package org.misf.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.misf.core.ProgressListener;
import org.misf.metrics.Csv;
import org.misf.metrics.HoleMask;
import org.misf.metrics.ImageFiles;
import org.misf.metrics.ImageMetrics;
import org.misf.metrics.IntensityScale;
import org.misf.metrics.MetricImage;
import org.misf.metrics.MetricOptions;
import org.misf.metrics.MetricScores;
import org.misf.metrics.MetricScores.Metric;
import org.misf.metrics.MetricsException;
import org.misf.metrics.Quantisation;
import org.misf.metrics.SsimWindow;

/** Evaluation with a test double instead of the network: pairing, binning, means, report, skipped files. */
class EvaluationTest {

	static final int SIZE = 40;

	@TempDir
	Path tmp;
	Path images, masks, saved;

	static MetricImage scene(final int w, final int h, final int channels, final int seed) {
		final double[][] p = new double[channels][w * h];
		for (int c = 0; c < channels; c++)
			for (int y = 0; y < h; y++)
				for (int x = 0; x < w; x++)
					p[c][y * w + x] = Math.round(255 * (0.5 + 0.4 * Math.sin((x + seed) / (3.0 + c)) * Math.cos(y /
						(4.0 + seed)))) / 255.0;
		return new MetricImage(w, h, p, IntensityScale.UINT8);
	}

	/** A square mask whose hole covers {@code holes} of SIZE x SIZE pixels (first rows, then part of one). */
	static MetricImage mask(final int holes) {
		final double[] p = new double[SIZE * SIZE];
		for (int i = 0; i < holes; i++)
			p[(i * 7) % p.length] = 1;
		return new MetricImage(SIZE, SIZE, new double[][] { p }, IntensityScale.UINT8);
	}

	@BeforeEach
	void files() throws IOException {
		images = Files.createDirectory(tmp.resolve("images"));
		masks = Files.createDirectory(tmp.resolve("masks"));
		saved = tmp.resolve("saved");
		ImageFiles.write(scene(48, 40, 3, 1), images.resolve("a_rgb.tif")); // non-square: centre crop
		ImageFiles.write(scene(41, 37, 1, 2), images.resolve("b_gray.tif")); // gray, odd: repeated to RGB
		ImageFiles.write(scene(32, 32, 3, 3), images.resolve("c_rgb.tif"));
		ImageFiles.write(scene(36, 36, 3, 4), images.resolve("d_rgb.tif")); // takes the empty mask m4
		Files.write(images.resolve("e_broken.png"), new byte[] { 1, 2, 3, 4 }); // takes m1 again
		final int all = SIZE * SIZE;
		ImageFiles.write(mask(all / 5), masks.resolve("m1.tif")); // exactly 20%: first bin (upper edge included)
		ImageFiles.write(mask(all / 5 + 1), masks.resolve("m2.tif")); // just over 20%
		ImageFiles.write(mask(all / 2), masks.resolve("m3.tif")); // 50%
		ImageFiles.write(mask(0), masks.resolve("m4.tif")); // empty: its image is skipped
	}

	EvaluationResult run(final EvaluationOptions options) {
		final Evaluation e = new Evaluation(new MeanFillInpainterTestDouble(), null, options);
		return e.run(Evaluation.listFiles(images, "image"), Evaluation.listFiles(masks, "mask"), ProgressListener.NONE);
	}

	@Test
	void scoresBinsAndListsSkippedFiles() {
		final EvaluationResult r = run(EvaluationOptions.PAPER.withSize(SIZE).withSaveDir(saved));
		assertEquals(3, r.records().size());
		assertEquals(2, r.skipped().size());
		assertTrue(r.skipped().get(0).file().endsWith("d_rgb.tif"));
		assertEquals("Its mask 'm4.tif' has no hole pixels, so there is nothing to inpaint.", r.skipped().get(0)
			.reason());
		assertTrue(r.skipped().get(1).file().endsWith("e_broken.png"));
		assertEquals("'e_broken.png' could not be read as an image (unsupported or damaged file).", r.skipped().get(1)
			.reason());
		assertEquals(HoleRatioBin.UP_TO_20, r.records().get(0).bin());
		assertEquals(HoleRatioBin.UP_TO_40, r.records().get(1).bin());
		assertEquals(HoleRatioBin.UP_TO_60, r.records().get(2).bin());
		assertEquals(0.2, r.records().get(0).holeFraction(), 0);
		for (final EvaluationRecord rec : r.records()) {
			assertEquals(SIZE, rec.width());
			assertEquals(SIZE, rec.height());
			assertTrue(Double.isNaN(rec.scores().lpips()));
		}
	}

	@Test
	void numbersEqualTheSingleImageMetricsOfTheSavedImages() {
		final MetricOptions[] variants = { MetricOptions.PAPER, MetricOptions.PAPER.withHoleOnly(true).withSsimWindow(
			SsimWindow.GAUSSIAN_11), MetricOptions.PAPER.withQuantisation(Quantisation.FLOAT) };
		for (final MetricOptions mo : variants) {
			final EvaluationResult r = run(EvaluationOptions.PAPER.withSize(SIZE).withMetrics(mo).withSaveDir(saved));
			for (final EvaluationRecord rec : r.records()) {
				final String stem = Evaluation.stem(Path.of(rec.image()));
				final MetricImage result = ImageFiles.read(saved.resolve(stem + "_result.tif"));
				final MetricImage reference = ImageFiles.read(saved.resolve(stem + "_reference.tif"));
				final HoleMask hole = ImageFiles.readMask(saved.resolve(stem + "_mask.tif"));
				assertEquals(rec.holeFraction(), hole.holeFraction(), 0);
				final MetricScores single = ImageMetrics.compute(result, reference, hole, mo);
				for (final Metric m : new Metric[] { Metric.PSNR, Metric.SSIM, Metric.L1 })
					assertEquals(single.get(m), rec.scores().get(m), 0, rec.image() + " " + m + " " + mo.label());
				assertTrue(rec.scores().psnr() < 100, "the test double changes the holes");
			}
		}
	}

	@Test
	void meansPerBinAndReport() {
		final EvaluationResult r = run(EvaluationOptions.PAPER.withSize(SIZE));
		final double all = r.records().stream().mapToDouble(x -> x.scores().psnr()).sum() / 3;
		assertEquals(all, r.mean(null).psnr(), 1e-12);
		assertEquals(r.records().get(1).scores().ssim(), r.mean(HoleRatioBin.UP_TO_40).ssim(), 0);
		final EvaluationReport report = new EvaluationReport(r, "test double", null, EvaluationOptions.PAPER.withSize(
			SIZE));
		final String md = report.markdown();
		assertTrue(md.contains("| Mask ratio | 0-20% | 20-40% | 40-60% | All |"), md);
		assertTrue(md.contains("| PSNR ↑ |"), md);
		assertTrue(md.contains("| L1 (%) ↓ |"), md);
		assertTrue(!md.contains("LPIPS ↓"), "no LPIPS row when it was not measured");
		assertTrue(md.contains("| Images | 1 | 1 | 1 | 3 |"), md);
		assertTrue(md.contains("Skipped (2):"), md);
		final List<String> perImage = List.of(report.perImageCsv().split("\n"));
		assertEquals(4, perImage.size());
		assertEquals("image,mask,width,height,hole_ratio,bin,psnr,ssim,l1_x100,lpips,seconds", perImage.get(0));
		assertTrue(perImage.get(1).startsWith("a_rgb.tif,m1.tif,40,40,0.2,0-20%," + r.records().get(0).scores().psnr()
			+ ","), perImage.get(1));
		final List<String> perBin = List.of(report.perBinCsv().split("\n"));
		assertEquals("bin,images,psnr,ssim,l1_x100,lpips", perBin.get(0));
		assertEquals("all,3," + Csv.metrics(r.mean(null)), perBin.get(4));
	}

	@Test
	void pairingByNameSkipsImagesWithoutAMask() throws IOException {
		Files.copy(masks.resolve("m3.tif"), masks.resolve("c_rgb.tif"));
		final EvaluationResult r = run(EvaluationOptions.PAPER.withSize(SIZE).withPairByName(true));
		assertEquals(1, r.records().size());
		assertEquals("c_rgb.tif", r.records().get(0).image());
		assertEquals(HoleRatioBin.UP_TO_60, r.records().get(0).bin());
		assertEquals(4, r.skipped().size());
		assertTrue(r.skipped().stream().anyMatch(s -> s.reason().equals("No mask named 'a_rgb.*' in the mask folder.")));
	}

	@Test
	void nativeResolutionKeepsTheImageSize() throws IOException {
		Files.delete(masks.resolve("m4.tif"));
		final EvaluationResult r = run(EvaluationOptions.PAPER.withSize(0));
		assertEquals(48, r.records().get(0).width());
		assertEquals(40, r.records().get(0).height());
		assertEquals(41, r.records().get(1).width());
	}

	@Test
	void emptyAndMissingFoldersAreClearErrors() throws IOException {
		final Path empty = Files.createDirectory(tmp.resolve("empty"));
		assertEquals("The image folder '" + empty + "' has no files.", assertThrows(MetricsException.class,
			() -> Evaluation.listFiles(empty, "image")).getMessage());
		assertEquals("The mask folder '" + tmp.resolve("nope") + "' does not exist or is not a folder.",
			assertThrows(MetricsException.class, () -> Evaluation.listFiles(tmp.resolve("nope"), "mask")).getMessage());
	}

	@Test
	void cancellationStopsAndIsReported() {
		final Evaluation e = new Evaluation(new MeanFillInpainterTestDouble(), null, EvaluationOptions.PAPER.withSize(
			SIZE));
		final EvaluationResult r = e.run(Evaluation.listFiles(images, "image"), Evaluation.listFiles(masks, "mask"),
			new ProgressListener() {

				int n;

				@Override
				public void progress(final long done, final long total, final String message) {
					n++;
				}

				@Override
				public boolean isCancelled() {
					return n >= 2;
				}
			});
		assertTrue(r.cancelled());
		assertEquals(2, r.records().size());
	}
}
