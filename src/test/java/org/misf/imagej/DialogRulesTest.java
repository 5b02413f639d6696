package org.misf.imagej;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import ij.ImagePlus;

import org.junit.jupiter.api.Test;
import org.misf.model.Device;

/** The dialog's rules that hold without a display: nothing may wait for a click nobody can give. */
class DialogRulesTest {

	@Test
	void withoutADisplayNothingAsksAndNotesGoToTheLog() {
		final ImagePlus stack = InpaintImageFixtures.noise8("stack", 10, 10, 3);
		final InpaintSettings allInPlace = InpaintSettings.builder().slices(SliceChoice.ALL).build();
		assertTrue(UserMessages.confirmNoUndo(stack, allInPlace), "headless: no question, the run goes on");
		final PrintStream real = System.out;
		final ByteArrayOutputStream captured = new ByteArrayOutputStream();
		System.setOut(new PrintStream(captured, true));
		try {
			UserMessages.note(InpaintImage.TITLE, "The mask is empty on the chosen planes.");
		}
		finally {
			System.setOut(real);
		}
		assertTrue(new String(captured.toByteArray(), StandardCharsets.UTF_8).contains(
			"MISF Inpaint: The mask is empty on the chosen planes."), "the note reaches the log (stdout when headless)");
	}

	@Test
	void theHelpNamesEveryChoice() {
		for (final String word : new String[] { "Mask", "Mask threshold", "Invert mask", "Model", "Device", "Dilate",
			"Output", "Slices" })
			assertTrue(MisfInpaintPlugin.HELP.contains(word), word);
		assertEquals(java.util.Arrays.asList("auto", "cpu", "gpu"), java.util.Arrays.asList(MisfInpaintPlugin
			.deviceLabels()), "the words users write, offered without starting the engine (DialogUnderXvfbTest)");
	}

	@Test
	void theDialogOffersAnOpenMaskImageEvenAfterARunWithoutOne() {
		final String[] open = { InpaintSettings.NO_MASK_IMAGE, "mural.png", "mural_mask.png" };
		assertEquals("mural_mask.png", MisfInpaintPlugin.defaultMaskImage(open, InpaintSettings.NO_MASK_IMAGE));
		assertEquals("mural.png", MisfInpaintPlugin.defaultMaskImage(open, "mural.png"), "the previous choice first");
		assertEquals(InpaintSettings.NO_MASK_IMAGE, MisfInpaintPlugin.defaultMaskImage(new String[] {
			InpaintSettings.NO_MASK_IMAGE, "a.png" }, "gone.png"));
		final ImagePlus image = InpaintImageFixtures.noise8("mural.png", 8, 8, 1);
		assertEquals(MaskSource.MASK_IMAGE, MisfInpaintPlugin.defaultSource(image, MaskSource.SELECTION,
			"mural_mask.png"), "no selection, a mask image open: the mask image");
		image.setRoi(1, 1, 3, 3);
		assertEquals(MaskSource.SELECTION, MisfInpaintPlugin.defaultSource(image, MaskSource.SELECTION, "mural_mask.png"));
		assertEquals(MaskSource.OVERLAY, MisfInpaintPlugin.defaultSource(image, MaskSource.OVERLAY, "mural_mask.png"));
	}

	@Test
	void aMaskWithMoreThanTwoValuesAtThresholdZeroIsWarnedAbout() {
		final ImagePlus jpeg = new ImagePlus("m.jpg", new ij.process.ByteProcessor(3, 1, new byte[] { 0, 3, (byte) 255 }));
		final String warning = MaskWarning.of(jpeg, 1, 0);
		assertTrue(warning.startsWith("'m.jpg' has more than two values (0, 3, 255, ...)"), warning);
		assertEquals(null, MaskWarning.of(jpeg, 1, 100), "a threshold is the cure");
		assertEquals(null, MaskWarning.of(new ImagePlus("m.png", new ij.process.ByteProcessor(3, 1, new byte[] { 0,
			(byte) 255, 0 })), 1, 0));
		final ij.process.ColorProcessor rgb = new ij.process.ColorProcessor(3, 1, new int[] { 0, 0xff0000, 0x00ff00 });
		assertEquals(null, MaskWarning.of(new ImagePlus("rgb.png", rgb), 1, 0), "colours by their largest channel");
		for (final String line : MaskCheckLine.wrap("Warning: " + warning, 70).split("\n"))
			assertTrue(line.length() <= 70, line);
		assertEquals("Warning: " + warning, MaskCheckLine.wrap("Warning: " + warning, 70).replace('\n', ' '));
	}
}
