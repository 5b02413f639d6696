package org.misf.imagej;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.misf.model.Device;
import org.misf.model.InpaintingException;

/**
 * The words of "MISF Inpaint"'s settings: a wrong word is refused with the choices, and the macro options name every
 * choice. Pure values: no image is opened and no ImageJ state is touched.
 */
class InpaintSettingsTest {

	@Test
	void wrongWordsAreRefusedWithTheChoices() {
		final InpaintingException e = assertThrows(InpaintingException.class, () -> InpaintSettings.builder()
			.maskSource("Selection").device("auto").output("In place").slices("Current").build());
		assertEquals("Unknown mask source 'Selection': use Current selection, ROI Manager, Overlay, Mask image.",
			e.getMessage());
		assertThrows(InpaintingException.class, () -> InpaintSettings.builder().maskSource("Current selection")
			.device("tpu").output("In place").slices("Current").build());
		assertThrows(InpaintingException.class, () -> InpaintSettings.builder().maskSource("Current selection")
			.device("auto").dilate(-1).output("In place").slices("Current").build());
		assertThrows(InpaintingException.class, () -> InpaintSettings.builder().maskSource("Mask image")
			.device("auto").output("In place").slices("Current").build());
	}

	@Test
	void macroOptionsNameEveryChoice() {
		final InpaintSettings s = InpaintSettings.builder().maskSource(MaskSource.MASK_IMAGE).maskImage("my mask.png")
			.model("/m/pkg").device(Device.GPU).dilate(2).output(OutputMode.NEW_IMAGE).slices(SliceChoice.ALL).build();
		assertEquals("mask=[Mask image] mask_image=[my mask.png] model=/m/pkg device=gpu dilate=2 output=[New image] slices=All",
			s.toMacroOptions());
		assertEquals("mask=[Current selection] model=default device=auto dilate=0 output=[In place] slices=Current",
			InpaintSettings.defaults().toMacroOptions());
	}
}
