package org.misf.imagej;

import ij.gui.GenericDialog;
import ij.plugin.PlugIn;

/** "Import MISF Checkpoint" for ImageJ 1.x; in Fiji {@link ImportCheckpointCommand} takes over. */
public class ImportCheckpointPlugin implements PlugIn {

	@Override
	public void run(final String arg) {
		BatchRun.noDialogs();
		final GenericDialog gd = new GenericDialog(CheckpointImport.TITLE);
		gd.addFileField("Checkpoint", "", 30);
		gd.addDirectoryField("Folder", "", 30);
		gd.addStringField("Dataset", "", 20);
		gd.addMessage("Checkpoint: a MISF generator .pth (the authors' release or a bare state dict).\n" +
			"Folder: a new (or empty) folder for the model package. Dataset: e.g. Places2, CelebA, Dunhuang.");
		gd.showDialog();
		if (gd.wasCanceled()) return;
		try {
			CheckpointImport.run(gd.getNextString(), gd.getNextString(), gd.getNextString());
		}
		catch (final RuntimeException e) {
			UserMessages.failed(CheckpointImport.TITLE, e);
		}
	}
}
