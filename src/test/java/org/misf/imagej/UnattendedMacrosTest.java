package org.misf.imagej;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.misf.imagej.ImageJ1EndToEndTest.assertOnlyHolesChanged;
import static org.misf.imagej.ImageJ1EndToEndTest.picture;
import static org.misf.imagej.ImageJ1EndToEndTest.readRgb;
import static org.misf.imagej.ImageJ1EndToEndTest.savePng;
import static org.misf.imagej.ImageJ1EndToEndTest.strokes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.Roi;
import ij.io.FileSaver;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import ij.process.MedianCut;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.misf.model.ModelPackage;

/**
 * ImageJ 1.x runs as a lab runs them: {@code ImageJ -batch} under Xvfb with the packaged plugin. Every failure ends
 * ImageJ within a minute with its sentence and the command line's exit codes (nothing waits on a dialog), MISF Batch
 * finishes the good files beside a corrupt one, the folder macro matches masks as MISF Batch does and writes records,
 * and a palette PNG filled through the menu equals its RGB copy filled the same way and the batch's result.
 */
@Tag("packaged") // runs the plugin jar of the package phase
class UnattendedMacrosTest {

	private static final int MINUTE = 60;

	@TempDir
	static Path dir;

	private static ImageJ1Runner ij;

	@BeforeAll
	static void layOutPlugins() throws IOException {
		ij = ImageJ1Runner.create(dir.resolve("ij"));
	}

	private static Path macro(final String name, final String... lines) throws IOException {
		return Files.write(dir.resolve(name), Arrays.asList(lines), StandardCharsets.UTF_8);
	}

	/** The hang of a macro calling MISF Inpaint with no image open ("There are no images open" dialog). */
	@Test
	@Tag("slow")
	void noImageOpenEndsTheRunWithItsSentenceAndExitCode2() throws Exception {
		final ImageJ1Runner.Run run = ij.batch(macro("noimage.ijm", "run(\"MISF Inpaint\", \"mask=[Current selection]\");",
			"print(\"not reached\");"), "", MINUTE);
		assertEquals(2, run.exitCode, run.output);
		assertTrue(run.output.contains("MISF Inpaint: " + InpaintImage.NO_IMAGE), run.output);
		assertTrue(!run.output.contains("not reached"), "the macro ended at the error: " + run.output);
	}

	/** Commands started without options would show their dialog: under -batch they read their defaults instead. */
	@Test
	@Tag("slow")
	void commandsWithoutOptionsShowNoDialogAndFailWithTheirSentence() throws Exception {
		final Path mural = Paths.get("examples/mural.png").toAbsolutePath();
		final ImageJ1Runner.Run inpaint = ij.batch(macro("bare.ijm", "open(\"" + mural + "\");",
			"run(\"MISF Inpaint\");"), "", MINUTE);
		assertEquals(2, inpaint.exitCode, inpaint.output);
		assertTrue(inpaint.output.contains("MISF Inpaint: There is no area selection on 'mural.png'"), inpaint.output);
		final ImageJ1Runner.Run batch = ij.batch(macro("barebatch.ijm", "run(\"MISF Batch\");"), "", MINUTE);
		assertEquals(2, batch.exitCode, batch.output);
		assertTrue(batch.output.contains("MISF Batch: Choose the images folder."), batch.output);
		final ImageJ1Runner.Run missing = ij.batch(Paths.get("macros/inpaint_with_mask.ijm"), "input=[" + dir.resolve(
			"none.png") + "] mask=[" + dir.resolve("none_mask.png") + "]", MINUTE);
		assertEquals(2, missing.exitCode, missing.output);
		assertTrue(missing.output.contains("Macro: The image '" + dir.resolve("none.png") + "' does not exist."),
			missing.output);
	}

	/** The hang of MISF Batch over a folder with a corrupt PNG ("Macro Error: IIOException" dialog). */
	@Test
	@Tag("slow")
	void misfBatchFinishesTheGoodFilesBesideACorruptPng() throws Exception {
		final Path images = Files.createDirectories(dir.resolve("corrupt/in"));
		final Path masks = Files.createDirectories(dir.resolve("corrupt/masks"));
		final Path out = dir.resolve("corrupt/out");
		savePng(new ImagePlus("a", picture(4)), images.resolve("a.png"));
		final byte[] whole = Files.readAllBytes(savePng(new ImagePlus("b", picture(5)), dir.resolve("b-whole.png")));
		Files.write(images.resolve("b.png"), Arrays.copyOf(whole, whole.length / 2));
		savePng(new ImagePlus("m", strokes()), masks.resolve("a.png"));
		savePng(new ImagePlus("m", strokes()), masks.resolve("b.png"));
		final ImageJ1Runner.Run run = ij.batch(macro("corrupt.ijm", "run(\"MISF Batch\", \"images=[" + images +
			"] masks=[" + masks + "] output=[" + out + "]\");"), "", 5 * MINUTE);
		assertEquals(1, run.exitCode, "1: some images failed, as the command line: " + run.output);
		assertTrue(run.output.contains("error: b.png: the file " + images.resolve("b.png") +
			" cannot be opened as an image."), run.output);
		assertTrue(run.output.contains("MISF Batch: 1 inpainted, 0 skipped (already done), 1 failed, of 2 images"),
			run.output);
		assertOnlyHolesChanged(picture(4), readRgb(out.resolve("a.png")), strokes());
		assertTrue(Files.isRegularFile(out.resolve("a.png.json")));
	}

	@Test
	@Tag("slow")
	void theFolderMacroMatchesMasksAsMisfBatchDoesAndWritesRecords() throws Exception {
		final Path input = Files.createDirectories(dir.resolve("folder/in"));
		final Path masks = Files.createDirectories(dir.resolve("folder/masks"));
		final Path output = dir.resolve("folder/out");
		final ByteProcessor square = new ByteProcessor(ImageJ1EndToEndTest.W, ImageJ1EndToEndTest.H);
		PlaneMasks.fill(square, new Roi(10, 10, 16, 16));
		final String[] names = { "a", "b", "c", "d", "e" };
		for (int i = 0; i < names.length; i++)
			savePng(new ImagePlus(names[i], picture(10 + i)), input.resolve(names[i] + ".png"));
		savePng(new ImagePlus("m", strokes()), masks.resolve("a.png"));
		savePng(new ImagePlus("m", square), masks.resolve("b_mask.png"));
		assertTrue(new FileSaver(new ImagePlus("m", square)).saveAsTiff(masks.resolve("c-mask.tif").toString()));
		savePng(new ImagePlus("m", strokes()), masks.resolve("d_mask.png"));
		final String args = "input=[" + input + "] masks=[" + masks + "] output=[" + output + "]";
		final ImageJ1Runner.Run run = ij.batch(Paths.get("macros/batch_inpaint_folder.ijm"), args, 5 * MINUTE);
		assertEquals(1, run.exitCode, "e.png has no mask: " + run.output);
		assertTrue(run.output.contains("error: e.png: there is no matching mask."), run.output);
		assertTrue(run.output.contains("MISF Batch: 4 inpainted, 0 skipped (already done), 1 failed, of 5 images"),
			run.output);
		assertOnlyHolesChanged(picture(13), readRgb(output.resolve("d.png")), strokes());
		assertOnlyHolesChanged(picture(12), readRgb(output.resolve("c.png")), square);
		for (final String name : new String[] { "a", "b", "c", "d" }) {
			final String record = new String(Files.readAllBytes(output.resolve(name + ".png.json")),
				StandardCharsets.UTF_8);
			assertTrue(record.contains(ModelPackage.sha256(input.resolve(name + ".png"))), record);
		}
		final ImageJ1Runner.Run again = ij.batch(Paths.get("macros/batch_inpaint_folder.ijm"), args, 5 * MINUTE);
		assertTrue(again.output.contains("MISF Batch: 0 inpainted, 4 skipped (already done), 1 failed"), again.output);
	}

	/**
	 * A palette PNG (colour numbers with a table of colours) through the menu command is filled in its colours: the
	 * same pixels as its RGB copy through the menu and as MISF Batch on the palette file.
	 */
	@Test
	@Tag("slow")
	void aPalettePngThroughTheMenuEqualsItsRgbCopyAndTheBatch() throws Exception {
		final ColorProcessor colours = picture(7);
		final ImagePlus palette = new ImagePlus("p", new MedianCut(colours).convertToByte(64));
		assertTrue(palette.getProcessor().isColorLut());
		final Path folder = Files.createDirectories(dir.resolve("palette/in"));
		final Path masks = Files.createDirectories(dir.resolve("palette/masks"));
		final Path p = savePng(palette, folder.resolve("p.png"));
		assertTrue(javax.imageio.ImageIO.read(p.toFile()).getColorModel() instanceof java.awt.image.IndexColorModel,
			"the file is a palette PNG");
		final Path rgb = savePng(new ImagePlus("q", palette.getProcessor().convertToRGB()), dir.resolve("q.png"));
		final Path mask = savePng(new ImagePlus("p_mask", strokes()), masks.resolve("p_mask.png"));
		final Path viaMenu = dir.resolve("p-menu.png"), viaRgb = dir.resolve("q-menu.png"), batchOut = dir.resolve(
			"palette/out");
		final String fill = "run(\"MISF Inpaint\", \"mask=[Mask image] mask_image=p_mask.png output=[New image]\");";
		final ImageJ1Runner.Run run = ij.batch(macro("palette.ijm", "setBatchMode(true);", "open(\"" + mask + "\");",
			"open(\"" + p + "\");", fill, "saveAs(\"PNG\", \"" + viaMenu + "\");", "open(\"" + rgb + "\");", fill,
			"saveAs(\"PNG\", \"" + viaRgb + "\");", "run(\"MISF Batch\", \"images=[" + folder + "] masks=[" + masks +
				"] output=[" + batchOut + "]\");"), "", 5 * MINUTE);
		assertEquals(0, run.exitCode, run.output);
		final ImagePlus menu = IJ.openImage(viaMenu.toString());
		assertEquals(24, menu.getBitDepth(), "filled in colours: RGB");
		final int[] m = (int[]) menu.getProcessor().getPixels();
		assertArrayEquals((int[]) readRgb(viaRgb).getPixels(), m, "the palette PNG and its RGB copy");
		assertArrayEquals((int[]) readRgb(batchOut.resolve("p.png")).getPixels(), m, "the menu and MISF Batch");
		assertOnlyHolesChanged((ColorProcessor) palette.getProcessor().convertToRGB(), (ColorProcessor) menu
			.getProcessor(), strokes());
	}
}
