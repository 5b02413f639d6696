package org.misf.imagej;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.misf.imagej.InpaintImageFixtures.noise8;
import static org.misf.imagej.InpaintImageFixtures.open;
import static org.misf.imagej.InpaintImageFixtures.restoreImageJ;
import static org.misf.imagej.InpaintImageFixtures.selection;
import static org.misf.imagej.InpaintImageFixtures.settings;

import ij.ImagePlus;
import ij.ImageStack;
import ij.gui.Roi;
import ij.process.ByteProcessor;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.misf.model.InpaintingException;

/**
 * The bad input of "MISF Inpaint", with a fake network: no area selection, an image too small, a missing overlay, an
 * empty ROI Manager, a mask image of another size or plane count, not open or the image itself. Each is refused with
 * one sentence, the image unchanged and the model never asked for.
 */
class InpaintImageRefusalsTest {

	private final FakeInpainter fake = new FakeInpainter();

	/** ImageJ's global state that a run leaves behind: open batch-mode images, the Undo buffer, the run log. */
	@AfterEach
	void forgetBatchImages() {
		restoreImageJ();
	}

	private void assertRefused(final ImagePlus imp, final InpaintSettings s, final String expected) {
		final ImageStack before = imp.getStack().duplicate();
		final InpaintingException e = assertThrows(InpaintingException.class, () -> InpaintImage.run(imp, s, fake));
		assertTrue(e.getMessage().contains(expected), e.getMessage());
		assertTrue(e.getMessage().endsWith("."), "one sentence: " + e.getMessage());
		for (int n = 1; n <= before.getSize(); n++)
			assertArrayEquals((Object[]) new Object[] { before.getProcessor(n).getPixelsCopy() },
				new Object[] { imp.getStack().getProcessor(n).getPixelsCopy() }, "plane " + n);
		assertEquals(0, fake.opened);
		assertTrue(!imp.changes);
	}

	@Test
	void noSelectionIsRefused() {
		assertRefused(noise8("img", 10, 10, 1), selection(), "no area selection");
	}

	@Test
	void pointSelectionIsRefused() {
		final ImagePlus imp = noise8("img", 10, 10, 1);
		imp.setRoi(new ij.gui.PointRoi(3, 3));
		assertRefused(imp, selection(), "no area selection");
	}

	@Test
	void onePixelImageIsRefused() {
		final ImagePlus imp = noise8("dot", 1, 1, 1);
		imp.setRoi(new Roi(0, 0, 1, 1));
		assertRefused(imp, selection(), "at least 4x4");
	}

	@Test
	void missingOverlayIsRefused() {
		assertRefused(noise8("img", 10, 10, 1), settings(MaskSource.OVERLAY, null, OutputMode.IN_PLACE,
			SliceChoice.CURRENT), "has no overlay");
	}

	@Test
	void emptyRoiManagerIsRefused() {
		assertRefused(noise8("img", 10, 10, 1), settings(MaskSource.ROI_MANAGER, null, OutputMode.IN_PLACE,
			SliceChoice.CURRENT), "ROI Manager is empty");
	}

	@Test
	void maskOfAnotherSizeIsRefused() {
		final ImagePlus mask = new ImagePlus("small-mask", new ByteProcessor(8, 10));
		open(mask);
		assertRefused(noise8("img", 10, 10, 1), settings(MaskSource.MASK_IMAGE, "small-mask", OutputMode.IN_PLACE,
			SliceChoice.CURRENT), "is 8x10 but the image 'img' is 10x10");
	}

	@Test
	void maskWithTheWrongPlaneCountIsRefused() {
		final ImagePlus mask = noise8("mask-stack", 10, 10, 2);
		open(mask);
		assertRefused(noise8("img", 10, 10, 3), settings(MaskSource.MASK_IMAGE, "mask-stack", OutputMode.IN_PLACE,
			SliceChoice.ALL), "has 2 planes");
	}

	@Test
	void maskImageThatIsNotOpenIsRefused() {
		assertRefused(noise8("img", 10, 10, 1), settings(MaskSource.MASK_IMAGE, "nowhere.png", OutputMode.IN_PLACE,
			SliceChoice.CURRENT), "no open image called 'nowhere.png'");
	}

	@Test
	void theImageItselfIsNotAMask() {
		final ImagePlus imp = noise8("self", 10, 10, 1);
		open(imp);
		assertRefused(imp, settings(MaskSource.MASK_IMAGE, "self", OutputMode.IN_PLACE, SliceChoice.CURRENT),
			"another image");
	}
}
