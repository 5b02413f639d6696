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
		final InpaintingException e = assertThrows(InpaintingException.class, () -> InpaintSettings.parse("Selection",
			"None", "default", "auto", 0, "In place", "Current"));
		assertEquals("Unknown mask source 'Selection': use Current selection, ROI Manager, Overlay, Mask image.",
			e.getMessage());
		assertThrows(InpaintingException.class, () -> InpaintSettings.parse("Current selection", "None", "default",
			"tpu", 0, "In place", "Current"));
		assertThrows(InpaintingException.class, () -> InpaintSettings.parse("Current selection", "None", "default",
			"auto", -1, "In place", "Current"));
		assertThrows(InpaintingException.class, () -> InpaintSettings.parse("Mask image", "None", "default",
			"auto", 0, "In place", "Current"));
	}

	@Test
	void macroOptionsNameEveryChoice() {
		final InpaintSettings s = new InpaintSettings(MaskSource.MASK_IMAGE, "my mask.png", "/m/pkg", Device.GPU, 2,
			OutputMode.NEW_IMAGE, SliceChoice.ALL);
		assertEquals("mask=[Mask image] mask_image=[my mask.png] model=/m/pkg device=gpu dilate=2 output=[New image] slices=All",
			s.toMacroOptions());
		assertEquals("mask=[Current selection] model=default device=auto dilate=0 output=[In place] slices=Current",
			InpaintSettings.defaults().toMacroOptions());
	}
}
