package org.misf.imagej;

import ij.IJ;

import org.misf.core.ProgressListener;

/**
 * Shows the progress of one part of a longer job (part {@code part} of {@code parts}) in ImageJ's
 * progress bar and status line, and cancels when the user presses Esc. Works headless (ImageJ then
 * prints nothing or to the console).
 */
final class ImageJProgress implements ProgressListener {

	private final String title;
	private final int part;
	private final int parts;

	ImageJProgress(final String title, final int part, final int parts) {
		this.title = title;
		this.part = part;
		this.parts = parts;
	}

	@Override
	public void progress(final long done, final long total, final String message) {
		final double within = total > 0 ? (double) done / total : 0;
		IJ.showProgress((part + within) / parts);
		final String where = parts > 1 ? " (" + (part + 1) + "/" + parts + ")" : "";
		IJ.showStatus(title + where + (message == null || message.isEmpty() ? "" : ": " + message));
	}

	@Override
	public boolean isCancelled() {
		return IJ.escapePressed();
	}
}
