package org.misf.imagej;

import ij.gui.GenericDialog;
import ij.plugin.PlugIn;

/** "MISF Batch" for ImageJ 1.x; in Fiji {@link MisfBatchCommand} takes over with the same macro keys. */
public class MisfBatchPlugin implements PlugIn {

	@Override
	public void run(final String arg) {
		BatchRun.noDialogs();
		final GenericDialog gd = new GenericDialog(MisfBatch.TITLE);
		gd.addDirectoryField("Images", "", 30);
		gd.addDirectoryField("Masks", "", 30);
		gd.addDirectoryField("Output", "", 30);
		gd.addFileField("Model", "default", 30);
		gd.addChoice("Device", MisfInpaintPlugin.deviceLabels(), "auto");
		gd.addNumericField("Dilate", 0, 0, 4, "px");
		gd.addMessage("Masks match images by name (a.tif <- a.png, a_mask.png); non-zero = hole.\n" +
			"Finished outputs are kept, so a stopped batch resumes; inputs are never overwritten.");
		gd.showDialog();
		if (gd.wasCanceled()) return;
		try {
			final String images = gd.getNextString(), masks = gd.getNextString(), output = gd.getNextString();
			final String model = gd.getNextString(), device = gd.getNextChoice();
			final double dilate = gd.getNextNumber();
			MisfBatch.run(images, masks, output, model, device, (int) dilate);
		}
		catch (final RuntimeException e) {
			UserMessages.failed(MisfBatch.TITLE, e);
		}
	}
}
