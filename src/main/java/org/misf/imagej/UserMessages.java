package org.misf.imagej;

import java.awt.GraphicsEnvironment;

import ij.IJ;
import ij.ImagePlus;
import ij.Macro;
import ij.macro.Interpreter;

import org.misf.core.CancelledException;

/**
 * Tells the user how a command ended, the same way in both front-ends: errors in ImageJ's error
 * dialog (which prints to the console when there is no display, and aborts a running macro, like
 * ImageJ's own commands), cancellation and results in the status line. A macro run by {@code ImageJ -batch}
 * ({@link BatchRun}) has no one to close a dialog: there the sentence goes to stderr and the process ends with a
 * non-zero exit code; a macro run without an ImageJ window otherwise (a host program) gets it on stderr and ends.
 */
final class UserMessages {

	private UserMessages() {}

	/**
	 * A note the user should see (an all-zero mask): a message box when someone is at the screen, the Log in a
	 * macro or without a display.
	 */
	static void note(final String title, final String text) {
		if (Macro.getOptions() != null || IJ.getInstance() == null || GraphicsEnvironment.isHeadless()) IJ.log(title +
			": " + text);
		else IJ.showMessage(title, text);
	}

	/**
	 * Before a run that Undo cannot revert (several planes of a stack, in place), asks whoever is at the screen;
	 * macros are not asked. Returns false when the user declines.
	 */
	static boolean confirmNoUndo(final ImagePlus imp, final InpaintSettings s) {
		if (InpaintImage.undoable(imp, s) || Macro.getOptions() != null || IJ.getInstance() == null || GraphicsEnvironment.isHeadless())
			return true;
		return IJ.showMessageWithCancel(InpaintImage.TITLE, "Inpainting all " + imp.getStackSize() + " planes of '" + imp
			.getTitle() + "' in place cannot be undone (Edit > Undo only keeps one plane).\nContinue? (Output: New " +
			"image keeps the original.)");
	}

	/** Reports a failure of command {@code title}; returns the one sentence shown. */
	static String failed(final String title, final RuntimeException e) {
		if (e instanceof CancelledException) {
			IJ.showStatus(e.getMessage());
			return e.getMessage();
		}
		final String message = e.getMessage() != null ? e.getMessage() : e.toString();
		if (BatchRun.isActive()) BatchRun.end(title, message, BatchRun.NOTHING_DONE);
		if (IJ.getInstance() == null && !GraphicsEnvironment.isHeadless() && Interpreter.getInstance() != null) {
			// ImageJ -batch under Xvfb: a dialog nobody can see would wait forever; say it and end the macro
			System.err.println(title + ": " + message);
			System.err.flush();
			Interpreter.abort();
			return message;
		}
		IJ.error(title, message);
		return message;
	}
}
