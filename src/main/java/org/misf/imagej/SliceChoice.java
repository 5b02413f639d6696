package org.misf.imagej;

import org.misf.model.InpaintingException;

/** Which planes of a stack or hyperstack are inpainted: the one shown, or every one. */
public enum SliceChoice {
	CURRENT("Current"), ALL("All");

	private final String label;

	SliceChoice(final String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	public static String[] labels() {
		return Labels.of(values(), SliceChoice::label);
	}

	/** Parses a label (any case); anything else is an {@link InpaintingException}. */
	public static SliceChoice parse(final String s) {
		return Labels.parse(values(), SliceChoice::label, s, "slice choice");
	}
}
