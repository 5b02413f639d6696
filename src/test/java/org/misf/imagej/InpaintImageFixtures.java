package org.misf.imagej;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import ij.ImagePlus;
import ij.ImageStack;
import ij.gui.Roi;
import ij.macro.Interpreter;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import ij.process.ImageProcessor;

import org.misf.model.Device;

/**
 * What the tests of "MISF Inpaint" share: noise images, settings, hole masks of a selection, the check that only
 * hole pixels changed to the {@link FakeInpainter}'s fill, and the reset of the global ImageJ state a run leaves
 * behind.
 */
final class InpaintImageFixtures {

	private InpaintImageFixtures() {}

	/** Makes {@code imp} an open image that WindowManager finds by title, as a batch-mode macro would. */
	static void open(final ImagePlus imp) {
		Interpreter.batchMode = true;
		Interpreter.addBatchModeImage(imp);
	}

	/** ImageJ's global state that a run leaves behind: open batch-mode images, the Undo buffer, the run log. */
	static void restoreImageJ() {
		for (final int id : Interpreter.getBatchModeImageIDs())
			Interpreter.removeBatchModeImage(ij.WindowManager.getImage(id));
		Interpreter.batchMode = false;
		ij.Undo.reset();
		InfoRecord.table().reset();
	}

	static ImagePlus noise8(final String title, final int w, final int h, final int planes) {
		final Random r = new Random(1);
		final ImageStack stack = new ImageStack(w, h);
		for (int p = 0; p < planes; p++) {
			final byte[] px = new byte[w * h];
			r.nextBytes(px);
			stack.addSlice(new ByteProcessor(w, h, px));
		}
		return new ImagePlus(title, stack);
	}

	static InpaintSettings settings(final MaskSource source, final String maskImage, final OutputMode output,
		final SliceChoice slices)
	{
		return InpaintSettings.builder().maskSource(source).maskImage(maskImage).device(Device.CPU).output(output)
			.slices(slices).build();
	}

	static InpaintSettings selection() {
		return settings(MaskSource.SELECTION, null, OutputMode.IN_PLACE, SliceChoice.CURRENT);
	}

	/** Every pixel is either unchanged, or inside {@code holes} and changed to the fake's fill. */
	static void assertOnlyHolesChanged(final ImageProcessor before, final ImageProcessor after, final ImageProcessor holes) {
		int changed = 0;
		for (int i = 0; i < before.getPixelCount(); i++) {
			final boolean hole = holes.get(i) != 0;
			if (hole) {
				changed++;
				if (after instanceof ColorProcessor) assertEquals(FakeInpainter.FILL_ARGB, after.get(i));
				else assertEquals(FakeInpainter.FILL, after.getf(i), 0);
			}
			else assertEquals(before.getf(i), after.getf(i), 0, "pixel " + i + " is not a hole but changed");
		}
		assertTrue(changed > 0);
	}

	static ByteProcessor maskOf(final Roi roi, final int w, final int h) {
		final ByteProcessor m = new ByteProcessor(w, h);
		PlaneMasks.fill(m, roi);
		return m;
	}
}
