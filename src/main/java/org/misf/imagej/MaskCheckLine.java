package org.misf.imagej;

import java.awt.Choice;
import java.awt.Color;
import java.awt.TextField;

import ij.WindowManager;
import ij.gui.GenericDialog;
import ij.gui.MultiLineLabel;
import ij.util.Tools;

/**
 * A line of the <em>MISF Inpaint</em> dialog that says, as the mask source, mask image and threshold are chosen,
 * whether the chosen mask image suits the threshold ({@link MaskWarning}): in red when it has more than two values at
 * threshold 0. It relies on the dialog's order: the mask source and mask image are its first two choices, the mask
 * threshold its second number.
 */
final class MaskCheckLine {

	private static final Color WARNING = new Color(170, 0, 0);
	/** Characters per line, and the empty three lines the dialog keeps for a warning. */
	private static final int WIDTH = 70;
	private static final String BLANK = " \n \n ";

	private MaskCheckLine() {}

	/** Adds the line (three lines high) below what {@code gd} holds, and keeps it up to date. */
	static void add(final GenericDialog gd) {
		gd.addMessage(BLANK);
		final MultiLineLabel line = (MultiLineLabel) gd.getMessage();
		final Choice source = (Choice) gd.getChoices().get(0), maskImage = (Choice) gd.getChoices().get(1);
		final TextField threshold = (TextField) gd.getNumericFields().get(1);
		final Runnable update = () -> {
			final boolean used = MaskSource.MASK_IMAGE.label().equals(source.getSelectedItem());
			final double t = Tools.parseDouble(threshold.getText(), Double.NaN);
			final String warning = used ? MaskWarning.of(WindowManager.getImage(maskImage.getSelectedItem()), 1, t) : null;
			line.setForeground(WARNING);
			line.setText(warning == null ? BLANK : wrap("Warning: " + warning, WIDTH));
		};
		update.run();
		gd.addDialogListener((dialog, event) -> {
			update.run();
			return true;
		});
	}

	/** The text broken at spaces into lines of at most {@code width} characters. */
	static String wrap(final String text, final int width) {
		final StringBuilder out = new StringBuilder();
		int lineStart = 0;
		for (final String word : text.split(" ")) {
			if (out.length() > lineStart && out.length() - lineStart + 1 + word.length() > width) {
				out.append('\n');
				lineStart = out.length();
			}
			else if (out.length() > lineStart) out.append(' ');
			out.append(word);
		}
		return out.toString();
	}
}
