package org.misf.imagej;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.Map;

import ij.IJ;
import ij.ImagePlus;
import ij.Undo;
import ij.WindowManager;
import ij.gui.OvalRoi;
import ij.gui.Roi;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;

import net.imglib2.img.array.ArrayImgs;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.misf.core.ChannelPlanes;
import org.misf.batch.WallFixtures;
import org.misf.core.InpaintJob;
import org.misf.model.Device;
import org.misf.model.Inpainter;
import org.scijava.Context;
import org.scijava.command.CommandService;
import org.scijava.module.Module;
import org.scijava.module.ModuleService;

/**
 * The Fiji commands with the shipped default model ("default", opened the way the commands open it) on the
 * shipped example (README: examples/mural.png, a clean painting crop, and its damage mask): only hole pixels
 * change, the holes get the engine's own values for the same image and mask, which are far closer to the
 * painting than a flat fill, Undo gives the input back, and MISF Batch writes the same pixels into its file.
 * The other Fiji command tests use a fake network and check options, not pixels.
 */
class ShippedModelPixelsTest {

	static final Path IMAGE = Paths.get("examples/mural.png").toAbsolutePath();
	static final Path MASK = Paths.get("examples/mural_mask.png").toAbsolutePath();
	static final int W = 224, H = 168;

	/** What a damaged pixel holds before inpainting: the network must not use it. */
	private static final int DAMAGE = 0xffffffff;

	private static Context context;
	private static Inpainter shipped;

	@TempDir
	Path dir;

	@BeforeAll
	static void loadTheShippedModel() {
		context = new Context(CommandService.class, ModuleService.class);
		shipped = SharedInpainter.INSTANCE.get(InpaintSettings.DEFAULT_MODEL, Device.CPU);
	}

	@AfterAll
	static void unload() {
		SharedInpainter.INSTANCE.close();
		context.dispose();
	}

	@AfterEach
	void restoreImageJ() {
		WindowManager.setTempCurrentImage(null);
		InpaintImageFixtures.restoreImageJ();
	}

	/** The clean painting: the ground truth of every hole. */
	private static int[] truth() {
		return (int[]) IJ.openImage(IMAGE.toString()).getProcessor().getPixels();
	}

	/** The shipped damage mask, 0 or 255 per pixel. */
	private static byte[] shippedHoles() {
		return (byte[]) IJ.openImage(MASK.toString()).getProcessor().convertToByteProcessor(false).getPixels();
	}

	/** Two small holes where a flat fill is far off: where the river meets the bank, and in the sky. */
	private static byte[] twoSmallHoles() {
		final ByteProcessor m = InpaintImageFixtures.maskOf(new OvalRoi(40, 75, 14, 10), W, H);
		PlaneMasks.fill(m, new OvalRoi(140, 15, 12, 9));
		return (byte[]) m.getPixels();
	}

	/** The painting with {@link #DAMAGE} in every hole, as a damaged original would come to the user. */
	private static ImagePlus damaged(final String title, final byte[] holes) {
		final ImagePlus imp = IJ.openImage(IMAGE.toString());
		imp.setTitle(title);
		final int[] px = (int[]) imp.getProcessor().getPixels();
		for (int i = 0; i < px.length; i++)
			if (holes[i] != 0) px[i] = DAMAGE;
		return imp;
	}

	/** The engine alone (no ImageJ front-end) on {@code pixels} with {@code holes}: the reference output. */
	private static int[] engine(final int[] pixels, final byte[] holes) {
		final int[] out = pixels.clone();
		shipped.inpaint(ChannelPlanes.ofARGB(ArrayImgs.argbs(out, W, H)), ArrayImgs.unsignedBytes(holes.clone(), W, H),
			InpaintJob.DEFAULTS);
		return out;
	}

	/**
	 * Pixels outside the holes are bit-identical to {@code input}; every hole pixel changed from the damage; in
	 * the holes the result is within 1 grey level of {@code reference}, and its mean error to the painting is
	 * under half that of the best flat fill (the mean colour of the known pixels).
	 */
	private static void assertRealFill(final int[] input, final int[] result, final byte[] holes, final int[] reference) {
		final int[] truth = truth();
		long known = 0;
		final double[] mean = new double[3];
		for (int i = 0; i < input.length; i++)
			if (holes[i] == 0) {
				known++;
				for (int c = 0; c < 3; c++)
					mean[c] += channel(truth[i], c);
			}
		for (int c = 0; c < 3; c++)
			mean[c] /= known;
		double fillError = 0, flatError = 0;
		int holeCount = 0, maxToReference = 0;
		for (int i = 0; i < input.length; i++) {
			if (holes[i] == 0) {
				assertEquals(input[i], result[i], "pixel (" + i % W + ", " + i / W + ") is not a hole but changed");
				continue;
			}
			holeCount++;
			assertTrue(result[i] != DAMAGE, "hole pixel " + i + " still holds the damage");
			for (int c = 0; c < 3; c++) {
				fillError += Math.abs(channel(result[i], c) - channel(truth[i], c));
				flatError += Math.abs(mean[c] - channel(truth[i], c));
				maxToReference = Math.max(maxToReference, Math.abs(channel(result[i], c) - channel(reference[i], c)));
			}
		}
		assertTrue(holeCount > 0);
		assertTrue(maxToReference <= 1, "the engine's output for the same image and mask, up to rounding: " +
			maxToReference + " grey levels apart");
		fillError /= 3 * holeCount;
		flatError /= 3 * holeCount;
		System.out.printf(java.util.Locale.ROOT, "%d hole px: mean |fill - painting| %.2f grey levels, flat fill %.2f%n",
			holeCount, fillError, flatError);
		assertTrue(fillError < 0.5 * flatError, "mean error in the holes " + fillError + " vs flat fill " + flatError);
	}

	private static int channel(final int argb, final int c) {
		return argb >> (16 - 8 * c) & 0xff;
	}

	/** MISF Inpaint on a selection, in place: real pixels in the hole only, and Edit > Undo gives the input back. */
	@Test
	void aSelectionIsFilledInPlaceByTheShippedModelAndUndoRestoresTheInput() {
		final Roi roi = new OvalRoi(40, 75, 14, 10); // where the river meets the bank: a flat fill is far off
		final byte[] holes = (byte[]) InpaintImageFixtures.maskOf(roi, W, H).getPixels();
		final ImagePlus imp = damaged("mural.png", holes);
		final int[] input = ((int[]) imp.getProcessor().getPixels()).clone();
		imp.setRoi(roi);
		final InpaintImage.Outcome out = InpaintImage.run(imp, InpaintSettings.builder().device(Device.CPU).build(),
			SharedInpainter.INSTANCE);
		assertEquals(imp, out.image());
		final int[] result = ((int[]) imp.getProcessor().getPixels()).clone();
		assertRealFill(input, result, holes, engine(truth(), holes));
		assertTrue(imp.changes);

		WindowManager.setTempCurrentImage(imp); // Edit > Undo acts on the current image
		Undo.undo();
		assertArrayEquals(input, (int[]) imp.getProcessor().getPixels(), "Undo restores the input");
	}

	/**
	 * The SciJava command, as Fiji runs a recorded line, with the shipped mask image and output "New image": a new
	 * image with the engine's pixels (the damage in the holes is never used: the clean painting gives the same),
	 * the input untouched, and a changes image of exactly the pixels that changed.
	 */
	@Test
	void theCommandWithTheShippedMaskImageGivesANewImageWithTheEnginesPixels() throws Exception {
		final byte[] holes = shippedHoles();
		final ImagePlus imp = damaged("mural.png", holes);
		final int[] input = ((int[]) imp.getProcessor().getPixels()).clone();
		final ImagePlus mask = IJ.openImage(MASK.toString());
		mask.setTitle("mural_mask.png");
		InpaintImageFixtures.open(mask);
		final Map<String, Object> in = new HashMap<>();
		in.put("imp", imp);
		in.put("mask", "Mask image");
		in.put("mask_image", "mural_mask.png");
		in.put("device", "cpu");
		in.put("output", "New image");
		in.put("show_changes", true);
		final ModuleService modules = context.service(ModuleService.class);
		final Module m = modules.run(modules.createModule(context.service(CommandService.class).getCommand(
			MisfInpaintCommand.class)), true, in).get();
		final MisfInpaintCommand command = (MisfInpaintCommand) m.getDelegateObject();
		assertTrue(!command.isCanceled(), String.valueOf(command.getCancelReason()));
		final ImagePlus out = (ImagePlus) m.getOutput("inpainted");
		assertNotNull(out, "output New image gives a new image");
		assertNotSame(imp, out);
		assertEquals("mural-inpainted.png", out.getTitle());
		assertArrayEquals(input, (int[]) imp.getProcessor().getPixels(), "the input is untouched");
		final int[] result = (int[]) out.getProcessor().getPixels();
		assertRealFill(input, result, holes, engine(truth(), holes));
		final ImagePlus changed = (ImagePlus) m.getOutput("changes");
		assertEquals("mural-changes.png", changed.getTitle(), "named like the new image, after the image");
		final byte[] changes = (byte[]) changed.getProcessor().getPixels();
		for (int i = 0; i < input.length; i++)
			assertEquals(input[i] != result[i], changes[i] != 0, "changes image at pixel " + i);
	}

	/**
	 * MISF Batch writes a real result file whose pixels are those of MISF Inpaint on the same image and mask, also
	 * for a tiled TIFF, which ImageJ cannot open: the batch reads and writes it as a wall, block by block.
	 */
	@Test
	void theFolderBatchWritesTheSamePixelsAsTheSingleImageCommand() throws Exception {
		final byte[] holes = twoSmallHoles();
		final Path images = Files.createDirectories(dir.resolve("in")), masks = Files.createDirectories(dir.resolve(
			"masks")), output = dir.resolve("out");
		final ImagePlus damaged = damaged("mural.png", holes);
		assertTrue(new ij.io.FileSaver(damaged).saveAsPng(images.resolve("mural.png").toString()));
		WallFixtures.tiledTiff(damaged, images.resolve("wall.tif"), 64, false);
		assertNull(IJ.openImage(images.resolve("wall.tif").toString()), "ImageJ cannot open a tiled TIFF");
		for (final String name : new String[] { "mural.png", "wall.png" })
			assertTrue(new ij.io.FileSaver(new ImagePlus("mask", new ByteProcessor(W, H, holes))).saveAsPng(masks.resolve(
				name).toString()));
		final ModuleService modules = context.service(ModuleService.class);
		final Module m = modules.run(modules.createModule(context.service(CommandService.class).getCommand(
			MisfBatchCommand.class)), true, "images", images.toFile(), "masks", masks.toFile(), "output", output.toFile(),
			"device", "cpu").get();
		final MisfBatchCommand batch = (MisfBatchCommand) m.getDelegateObject();
		assertNull(batch.getCancelReason());
		assertTrue(batch.summary().startsWith("2 inpainted, 0 skipped"), batch.summary());
		assertTrue(Files.isRegularFile(output.resolve("mural.png.json")), "the record next to the result");
		assertTrue(Files.isRegularFile(output.resolve("wall.tif.json")), "the record next to the wall's result");
		final ImagePlus written = IJ.openImage(output.resolve("mural.png").toString());
		assertNotNull(written);

		// the single-image path on the same file and mask
		final ImagePlus single = IJ.openImage(images.resolve("mural.png").toString());
		final int[] input = ((int[]) single.getProcessor().getPixels()).clone();
		final ImagePlus mask = new ImagePlus("mural_mask", new ByteProcessor(W, H, holes));
		InpaintImageFixtures.open(mask);
		InpaintImage.run(single, InpaintSettings.builder().maskSource(MaskSource.MASK_IMAGE).maskImage("mural_mask")
			.device(Device.CPU).build(), SharedInpainter.INSTANCE);
		final int[] expected = (int[]) single.getProcessor().getPixels();
		final int[] got = (int[]) ((ColorProcessor) written.getProcessor()).getPixels();
		assertRealFill(input, got, holes, expected);
		for (int i = 0; i < got.length; i++)
			assertEquals(expected[i] & 0xffffff, got[i] & 0xffffff, "pixel " + i + " of the batch's file");
		WallFixtures.assertSamePixels(new ImagePlus("expected", new ColorProcessor(W, H, expected)), output.resolve(
			"wall.tif"));
	}
}
