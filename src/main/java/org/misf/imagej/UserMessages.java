package org.misf.imagej;

import ij.IJ;

import org.misf.core.CancelledException;

/**
 * Tells the user how a command ended, the same way in both front-ends: errors in ImageJ's error
 * dialog (which prints to the console when there is no display, and aborts a running macro, like
 * ImageJ's own commands), cancellation and results in the status line.
 */
final class UserMessages {

	private UserMessages() {}

	/** Reports a failure of command {@code title}; returns the one sentence shown. */
	static String failed(final String title, final RuntimeException e) {
		if (e instanceof CancelledException) {
			IJ.showStatus(e.getMessage());
			return e.getMessage();
		}
		final String message = e.getMessage() != null ? e.getMessage() : e.toString();
		IJ.error(title, message);
		return message;
	}
}
