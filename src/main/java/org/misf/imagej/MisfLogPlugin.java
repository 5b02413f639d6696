package org.misf.imagej;

import ij.plugin.PlugIn;

/**
 * "MISF Inpaint Log" for ImageJ 1.x (registered in {@code plugins.config}): shows the session's table of
 * <em>MISF Inpaint</em> runs, one row per run, which the runs themselves never pop up over the image. In Fiji
 * {@link MisfLogCommand} takes over the entry.
 */
public class MisfLogPlugin implements PlugIn {

	@Override
	public void run(final String arg) {
		InfoRecord.show();
	}
}
