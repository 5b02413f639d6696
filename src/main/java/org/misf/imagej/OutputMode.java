package org.misf.imagej;

import org.misf.model.InpaintingException;

/** Whether the result replaces the pixels of the image (with Undo) or goes to a new image. */
public enum OutputMode {
	IN_PLACE("In place"), NEW_IMAGE("New image");

	private final String label;

	OutputMode(final String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	public static String[] labels() {
		return Labels.of(values(), OutputMode::label);
	}

	/** Parses a label (any case); anything else is an {@link InpaintingException}. */
	public static OutputMode parse(final String s) {
		return Labels.parse(values(), OutputMode::label, s, "output");
	}
}
