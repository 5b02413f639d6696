package org.misf.imagej;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.Map;

import ij.ImagePlus;
import ij.gui.Roi;
import ij.measure.ResultsTable;
import ij.process.ByteProcessor;
import ij.process.ShortProcessor;

import net.imglib2.img.array.ArrayImgs;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.misf.metrics.ImageMetrics;
import org.misf.metrics.MetricImage;
import org.misf.metrics.MetricOptions;
import org.misf.metrics.MetricScores;
import org.scijava.Context;
import org.scijava.Cancelable;
import org.scijava.command.CommandService;
import org.scijava.module.Module;
import org.scijava.module.ModuleService;

/**
 * "Inpainting Metrics", "Import MISF Checkpoint", "MISF Batch" and "Verify MISF Results" through a SciJava
 * Context's CommandService.
 */
class OtherCommandsTest {

	private static Context context;
	private static CommandService commands;

	@TempDir
	Path dir;

	@BeforeAll
	static void start() {
		context = new Context(CommandService.class, ModuleService.class);
		commands = context.service(CommandService.class);
	}

	@AfterAll
	static void stop() {
		context.dispose();
	}

	/** The global state these commands leave: images, the Results table, Undo, and the model kept for the next run. */
	@AfterEach
	void forgetImages() {
		InpaintImageFixtures.restoreImageJ();
		ResultsTable.getResultsTable().reset();
		SharedInpainter.INSTANCE.close();
	}

	private static Module run(final Class<? extends org.scijava.command.Command> c, final Object... inputs)
		throws Exception
	{
		final Map<String, Object> map = new HashMap<>();
		for (int i = 0; i < inputs.length; i += 2)
			map.put((String) inputs[i], inputs[i + 1]);
		final ModuleService modules = context.service(ModuleService.class);
		final Module module = modules.createModule(commands.getCommand(c));
		assertNotNull(module, c.getSimpleName() + " could not be created");
		return modules.run(module, true, map).get();
	}

	private static String cancelReason(final Module m) {
		final Cancelable c = (Cancelable) m.getDelegateObject();
		return c.isCanceled() ? c.getCancelReason() : null;
	}

	@Test
	void metricsRowsMatchTheMetricsPackage() throws Exception {
		final ImagePlus reference = InpaintImageFixtures.noise8("ref", 40, 32, 1);
		final ImagePlus result = new ImagePlus("res", reference.getProcessor().duplicate());
		result.getProcessor().setValue(128);
		result.getProcessor().fill(new Roi(5, 5, 10, 8));
		final ByteProcessor holes = new ByteProcessor(40, 32);
		PlaneMasks.fill(holes, new Roi(5, 5, 10, 8));
		InpaintImageFixtures.open(reference);
		InpaintImageFixtures.open(result);
		InpaintImageFixtures.open(new ImagePlus("holes", holes));
		final Path csv = dir.resolve("m.csv");
		final Module m = run(InpaintingMetricsCommand.class, "result", "res", "reference", "ref", "mask", "holes",
			"region", "Holes only", "scoring", "paper", "ssim", "gaussian", "lpips", "none", "slices", "Current", "csv", csv
				.toString());
		assertEquals(null, cancelReason(m));
		final ResultsTable t = ResultsTable.getResultsTable();
		assertEquals(1, t.size());
		final MetricScores expected = ImageMetrics.compute(ArrayImgs.unsignedBytes((byte[]) result.getProcessor()
			.getPixels(), 40, 32), ArrayImgs.unsignedBytes((byte[]) reference.getProcessor().getPixels(), 40, 32), ArrayImgs
				.unsignedBytes((byte[]) holes.getPixels(), 40, 32), MetricOptions.PAPER.withHoleOnly(true).withSsimWindow(
					org.misf.metrics.SsimWindow.GAUSSIAN_11));
		assertEquals(expected.psnr(), t.getValue("PSNR", 0), 1e-9);
		assertEquals(expected.ssim(), t.getValue("SSIM", 0), 1e-9);
		assertEquals(expected.l1(), t.getValue("L1 (%)", 0), 1e-9);
		assertEquals(100.0 * 80 / (40 * 32), t.getValue("Hole %", 0), 1e-9);
		assertTrue(t.getStringValue("Scoring", 0).contains("hole pixels only"));
		final List<String> lines = Files.readAllLines(csv);
		assertTrue(lines.get(0).contains("PSNR"));
		final String[] header = lines.get(0).split(","), row = lines.get(lines.size() - 1).split(",");
		final int psnr = Arrays.asList(header).indexOf("PSNR");
		assertEquals(expected.psnr(), Double.parseDouble(row[psnr]), 1e-8, "the CSV keeps full precision: " + row[psnr]);
	}

	/** One rule for both front-ends: 16-bit / 65535, whatever the display range (was 39.998 vs 42.566 dB). */
	@Test
	void sixteenBitMetricsFollowThePixelTypeNotTheDisplayRange() throws Exception {
		final ShortProcessor ref = new ShortProcessor(40, 32), res = new ShortProcessor(40, 32);
		final java.util.Random r = new java.util.Random(5);
		for (int i = 0; i < ref.getPixelCount(); i++) {
			ref.set(i, 20000 + r.nextInt(10000));
			res.set(i, ref.get(i) + r.nextInt(801) - 400);
		}
		final ImagePlus reference = new ImagePlus("ref16", ref), result = new ImagePlus("res16", res);
		reference.setDisplayRange(20000, 30000);
		result.setDisplayRange(20000, 30000);
		InpaintImageFixtures.open(reference);
		InpaintImageFixtures.open(result);
		final Module m = run(InpaintingMetricsCommand.class, "result", "res16", "reference", "ref16", "mask", "None",
			"region", "Whole image", "scoring", "paper", "ssim", "uniform", "lpips", "none", "slices", "Current", "csv", "");
		assertEquals(null, cancelReason(m));
		final ResultsTable t = ResultsTable.getResultsTable();
		final MetricScores cli = ImageMetrics.compute(ArrayImgs.unsignedShorts((short[]) res.getPixels(), 40, 32), ArrayImgs
			.unsignedShorts((short[]) ref.getPixels(), 40, 32), null, MetricOptions.PAPER); // what 'metrics' computes
		assertEquals(cli.psnr(), t.getValue("PSNR", t.size() - 1), 1e-9);
		assertEquals(cli.ssim(), t.getValue("SSIM", t.size() - 1), 1e-9);
	}

	@Test
	void metricsRefuseDifferentSizes() throws Exception {
		InpaintImageFixtures.open(InpaintImageFixtures.noise8("a", 10, 10, 1));
		InpaintImageFixtures.open(InpaintImageFixtures.noise8("b", 12, 10, 1));
		final Module m = run(InpaintingMetricsCommand.class, "result", "a", "reference", "b", "lpips", "none");
		assertEquals("The result 'a' is 10x10 but the reference 'b' is 12x10.", cancelReason(m));
		assertEquals(0, ResultsTable.getResultsTable().size());
	}

	@Test
	void importRefusesAMaliciousPickleAndWritesNothing() throws Exception {
		final Path target = dir.resolve("pkg");
		final Module m = run(ImportCheckpointCommand.class, "checkpoint", resource(
			"/org/misf/checkpoint/broken/posix_system.pth"), "folder", target.toFile());
		final String reason = cancelReason(m);
		assertNotNull(reason);
		assertTrue(reason.endsWith("."), reason);
		assertFalse(Files.exists(target.resolve("model.yaml")));
		assertEquals(null, m.getOutput("modelPackage"));
	}

	@Test
	void importMakesAPackageThatInpaints() throws Exception {
		final Path target = dir.resolve("w8");
		final Module m = run(ImportCheckpointCommand.class, "checkpoint", resource(
			"/org/misf/checkpoint/fixtures/misf-w8-seed1234.pth"), "folder", target.toFile(), "dataset", "test");
		assertEquals(null, cancelReason(m));
		assertEquals(target.toAbsolutePath().normalize().toString(), m.getOutput("modelPackage"));
		assertTrue(Files.isRegularFile(target.resolve("model.yaml")));
		// the new package works in MISF Inpaint
		final ImagePlus imp = InpaintImageFixtures.noise8("x", 32, 32, 1);
		imp.setRoi(new Roi(8, 8, 8, 8));
		final byte[] before = (byte[]) imp.getProcessor().getPixelsCopy();
		final Module inpaint = run(MisfInpaintCommand.class, "imp", imp, "mask", "Current selection", "model", target
			.toString(), "device", "cpu");
		assertEquals(null, cancelReason(inpaint));
		assertFalse(java.util.Arrays.equals(before, (byte[]) imp.getProcessor().getPixels()));
	}

	@Test
	void batchDoesAFolderWithTheCommandLineRules() throws Exception {
		final Path images = Files.createDirectories(dir.resolve("in"));
		final Path masks = Files.createDirectories(dir.resolve("masks"));
		final Path out = dir.resolve("out");
		for (final String name : new String[] { "a", "b" }) {
			ImageJ1EndToEndTest.savePng(new ImagePlus(name, ImageJ1EndToEndTest.picture(name.charAt(0))), images.resolve(
				name + ".png"));
			ImageJ1EndToEndTest.savePng(new ImagePlus(name, ImageJ1EndToEndTest.strokes()), masks.resolve(name + ".png"));
		}
		final Module m = run(MisfBatchCommand.class, "images", images.toFile(), "masks", masks.toFile(), "output", out
			.toFile(), "device", "cpu");
		assertEquals(null, cancelReason(m));
		final String summary = ((MisfBatchCommand) m.getDelegateObject()).summary();
		assertTrue(summary.startsWith("2 inpainted, 0 skipped"), summary);
		for (final String name : new String[] { "a", "b" })
			ImageJ1EndToEndTest.assertOnlyHolesChanged(ImageJ1EndToEndTest.picture(name.charAt(0)), ImageJ1EndToEndTest
				.readRgb(out.resolve(name + ".png")), ImageJ1EndToEndTest.strokes());
		final Module again = run(MisfBatchCommand.class, "images", images.toFile(), "masks", masks.toFile(), "output",
			out.toFile());
		assertTrue(((MisfBatchCommand) again.getDelegateObject()).summary().startsWith("0 inpainted, 2 skipped"));
	}

	/** The Fiji check of an output folder is the command line's (batch/RecordAudit): a changed result is listed. */
	@Test
	void verifyListsAChangedResult() throws Exception {
		final Path out = Files.createDirectories(dir.resolve("verified"));
		final Path result = out.resolve("a.png");
		ImageJ1EndToEndTest.savePng(new ImagePlus("a", ImageJ1EndToEndTest.strokes()), result);
		Files.write(org.misf.batch.Provenance.sidecar(result), org.misf.batch.Provenance.rebuilt(result, result));
		final Module ok = run(VerifyResultsCommand.class, "folder", out.toFile());
		assertEquals("1 result matches its record (1 of them rebuilt: only the file's sha256 is known); 0 missing, " +
			"0 changed, 0 unrecorded.", ((VerifyResultsCommand) ok.getDelegateObject()).summary());
		Files.write(result, new byte[] { 1 }, java.nio.file.StandardOpenOption.APPEND);
		final Module changed = run(VerifyResultsCommand.class, "folder", out.toFile());
		assertEquals("0 results match their records; 0 missing, 1 changed, 0 unrecorded.", ((VerifyResultsCommand) changed
			.getDelegateObject()).summary());
	}

	@Test
	void batchWithoutFoldersIsRefused() throws Exception {
		final Module m = run(MisfBatchCommand.class, "images", dir.toFile(), "masks", dir.toFile());
		assertEquals("'output' is required but unset.", cancelReason(m), "SciJava refuses a missing folder before the command runs");
	}

	private static File resource(final String name) throws Exception {
		final URL url = OtherCommandsTest.class.getResource(name);
		assertNotNull(url, name);
		return Paths.get(url.toURI()).toFile();
	}
}
