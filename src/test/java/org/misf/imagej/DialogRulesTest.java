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
		final java.util.List<String> offered = java.util.Arrays.asList(MisfInpaintPlugin.usableDeviceLabels());
		assertTrue(offered.contains("auto") && offered.contains("cpu"), offered.toString());
		assertEquals(org.misf.model.Device.gpuCount() > 0, offered.contains("gpu"),
			"gpu is offered exactly when PyTorch sees one: " + offered);
	}
}
