package org.misf.imagej;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.misf.imagej.InpaintImageFixtures.maskOf;
import static org.misf.imagej.InpaintImageFixtures.open;
import static org.misf.imagej.InpaintImageFixtures.restoreImageJ;
import static org.misf.imagej.InpaintImageFixtures.selection;

import java.awt.image.IndexColorModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;

import ij.IJ;
import ij.ImagePlus;
import ij.Undo;
import ij.gui.Roi;
import ij.io.FileSaver;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.misf.core.CancelledException;
import org.misf.core.MaskConvention;
import org.misf.io.ImagePlanes;
import org.misf.model.ModelPackage;

/**
 * "MISF Inpaint" reads images and masks as the command line does ({@code io}): a palette image is filled in its
 * colours (in place it becomes RGB, and Undo gives the palette back), a mask image's holes are those
 * {@link ImagePlanes#readMask} reads from its file for every kind of mask; and the Info line holds what the command
 * line's record holds. With a fake network.
 */
class InpaintImageReadingTest {

	private static final int W = 12, H = 10;

	@TempDir
	Path dir;

	private final FakeInpainter fake = new FakeInpainter();

	@AfterEach
	void forgetBatchImages() {
		restoreImageJ();
	}

	/** Colour numbers 0..3 in stripes, with four unrelated colours (not a ramp: a palette). */
	static ImagePlus palette(final String title) {
		final byte[] r = { (byte) 200, 10, 0, (byte) 250 }, g = { 0, 60, 30, (byte) 250 }, b = { 20, 0,
			(byte) 220, 0 };
		final byte[] px = new byte[W * H];
		for (int i = 0; i < px.length; i++)
			px[i] = (byte) (i % W / 3);
		return new ImagePlus(title, new ByteProcessor(W, H, px, new IndexColorModel(8, 4, r, g, b)));
	}

	@Test
	void aPaletteImageInPlaceIsFilledInItsColoursAndUndoGivesThePaletteBack() {
		final ImagePlus imp = palette("p.png");
		final int[] colours = (int[]) imp.getProcessor().convertToRGB().getPixels();
		final byte[] numbers = ((byte[]) imp.getProcessor().getPixels()).clone();
		final Roi roi = new Roi(2, 3, 5, 4);
		imp.setRoi(roi);
		open(imp);
		assertTrue(InpaintImage.undoable(imp, selection()), "the dialog need not ask first");
		InpaintImage.run(imp, selection(), fake);
		assertEquals(ImagePlus.COLOR_RGB, imp.getType(), "filled in colours: the result is RGB");
		assertEquals(3, fake.dims.get(0).length, "the engine got red, green and blue");
		final int[] after = (int[]) imp.getProcessor().getPixels();
		final ByteProcessor holes = maskOf(roi, W, H);
		for (int i = 0; i < after.length; i++)
			assertEquals(holes.get(i) != 0 ? FakeInpainter.FILL_ARGB & 0xffffff : colours[i] & 0xffffff, after[i] & 0xffffff,
				"pixel " + i);
		Undo.undo();
		assertEquals(8, imp.getBitDepth(), "Edit > Undo gives the palette image back");
		assertArrayEquals(numbers, (byte[]) imp.getProcessor().getPixels());
	}

	@Test
	void aPaletteImageIntoANewImageOrCancelledLeavesTheOriginal() {
		final ImagePlus imp = palette("p.png");
		final byte[] numbers = ((byte[]) imp.getProcessor().getPixels()).clone();
		imp.setRoi(new Roi(1, 1, 4, 4));
		final InpaintImage.Outcome out = InpaintImage.run(imp, selection().toBuilder().output(OutputMode.NEW_IMAGE)
			.build(), fake);
		assertEquals("p-inpainted.png", out.image().getTitle());
		assertEquals(ImagePlus.COLOR_RGB, out.image().getType());
		assertEquals(8, imp.getBitDepth());
		assertArrayEquals(numbers, (byte[]) imp.getProcessor().getPixels());
		fake.cancelOnCall = 1;
		assertThrows(CancelledException.class, () -> InpaintImage.run(imp, selection(), fake));
		assertEquals(8, imp.getBitDepth(), "cancelled in place: still the palette image");
		assertArrayEquals(numbers, (byte[]) imp.getProcessor().getPixels());
	}

	@Test
	void aChangesImageOfAPaletteRunMarksTheFilledColoursAndIsNamedLikeTheNewImage() {
		final ImagePlus imp = palette("p.png");
		final Roi roi = new Roi(0, 0, 3, 2);
		imp.setRoi(roi);
		final ij.ImageStack before = imp.getStack().duplicate();
		InpaintImage.run(imp, selection(), fake);
		final ImagePlus changes = ChangeView.of(before, imp, "p.png");
		assertEquals("p-changes.png", changes.getTitle());
		final ByteProcessor holes = maskOf(roi, W, H);
		final ColorProcessor filled = (ColorProcessor) imp.getProcessor();
		for (int i = 0; i < W * H; i++) {
			final boolean changed = (before.getProcessor(1).convertToRGB().get(i) & 0xffffff) != (filled.get(i) & 0xffffff);
			assertEquals(changed, changes.getProcessor().get(i) != 0, "pixel " + i);
			if (holes.get(i) == 0) assertTrue(!changed, "pixel " + i + " is outside the holes");
		}
	}

	/**
	 * Masks of every kind, saved to files and opened as a user opens them: the holes the engine gets from the menu
	 * command are those the command line reads from the same file with the same convention.
	 */
	@Test
	void maskImagesGiveTheHolesTheCommandLineReadsFromTheirFiles() throws Exception {
		final ColorProcessor rgb = new ColorProcessor(W, H);
		for (int i = 0; i < W * H; i++)
			rgb.set(i, i % 5 == 0 ? 0x00c800 : i % 7 == 0 ? 0x000050 : 0);
		final FloatProcessor nan = new FloatProcessor(W, H);
		for (int i = 0; i < W * H; i++)
			nan.setf(i, i % 4 == 0 ? Float.NaN : i % 3 * 90f);
		final ImagePlus[] masks = { new ImagePlus("rgb", rgb), palette("palette"), new ImagePlus("nan", nan) };
		final MaskConvention[] conventions = { MaskConvention.NON_ZERO, new MaskConvention(100, false),
			new MaskConvention(100, true) };
		for (final ImagePlus m : masks) {
			final Path file = dir.resolve(m.getTitle() + (m.getBitDepth() == 32 ? ".tif" : ".png"));
			assertTrue(m.getBitDepth() == 32 ? new FileSaver(m).saveAsTiff(file.toString()) : new FileSaver(m).saveAsPng(
				file.toString()));
			final ImagePlus opened = IJ.openImage(file.toString());
			opened.setTitle(m.getTitle() + "-mask");
			open(opened);
			for (final MaskConvention c : conventions) {
				final ImagePlus image = InpaintImageFixtures.noise8("i", W, H, 1);
				final InpaintSettings s = InpaintSettings.builder().maskSource(MaskSource.MASK_IMAGE).maskImage(opened
					.getTitle()).maskThreshold(Double.isNaN(c.threshold()) ? 0 : c.threshold()).invertMask(c.inverted())
					.build();
				fake.masks.clear();
				InpaintImage.run(image, s, fake);
				assertArrayEquals((byte[]) ImagePlanes.readMask(file, c).getPixels(), fake.masks.get(0), m.getTitle() + ", " + c);
			}
		}
	}

	@Test
	void theInfoLineHoldsWhatTheCommandLinesRecordHolds() throws Exception {
		final Path file = dir.resolve("noise.png");
		assertTrue(new FileSaver(InpaintImageFixtures.noise8("noise", W, H, 1)).saveAsPng(file.toString()));
		final ImagePlus imp = IJ.openImage(file.toString());
		final byte[] pixels = ((byte[]) imp.getProcessor().getPixels()).clone();
		imp.setRoi(new Roi(3, 4, 5, 2));
		InpaintImage.run(imp, selection(), fake);
		final String info = String.valueOf(imp.getProperty("Info"));
		assertTrue(info.contains("device cpu, threads "), info);
		assertTrue(info.contains("input 'noise.png' (file " + file.toAbsolutePath() + " sha256 " + ModelPackage.sha256(
			file) + "), pixels sha256 " + hex(MessageDigest.getInstance("SHA-256").digest(pixels))), info);
		final byte[] holes = (byte[]) maskOf(new Roi(3, 4, 5, 2), W, H).getPixels();
		assertTrue(info.contains("holes from the selection: rectangle 5x2 at (3, 4), holes sha256 " + hex(MessageDigest
			.getInstance("SHA-256").digest(holes))), info);
		assertTrue(info.endsWith("10 hole pixels in 1 plane, 1 window"), info);
		assertTrue(Files.isRegularFile(file));
		imp.setRoi(new Roi(0, 0, 2, 2));
		InpaintImage.run(imp, selection(), fake);
		final String second = String.valueOf(imp.getProperty("Info")).split("\n")[1];
		assertTrue(second.contains("input 'noise.png' (not as saved)"), "changed since it was opened: " + second);
		assertEquals("cpu", InfoRecord.table().getStringValue("Device", 0));
	}

	private static String hex(final byte[] digest) {
		final StringBuilder b = new StringBuilder();
		for (final byte x : digest)
			b.append(String.format("%02x", x & 0xff));
		return b.toString();
	}
}
