package org.misf.imagej;

import ij.gui.GenericDialog;
import ij.plugin.PlugIn;

/** "Verify MISF Results" for ImageJ 1.x; in Fiji {@link VerifyResultsCommand} takes over with the same macro key. */
public class VerifyResultsPlugin implements PlugIn {

	@Override
	public void run(final String arg) {
		final GenericDialog gd = new GenericDialog(VerifyResults.TITLE);
		gd.addDirectoryField("Folder", "", 30);
		gd.addMessage("Hashes every result again and compares it with its record (NAME.json):\n" +
			"lists missing, changed and unrecorded results in the Log.");
		gd.showDialog();
		if (gd.wasCanceled()) return;
		try {
			VerifyResults.run(gd.getNextString());
		}
		catch (final RuntimeException e) {
			UserMessages.failed(VerifyResults.TITLE, e);
		}
	}
}
