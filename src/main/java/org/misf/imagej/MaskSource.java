package org.misf.imagej;

import org.misf.model.InpaintingException;

/** Where the holes to inpaint come from. The labels are what dialogs show and macros pass as {@code mask=}. */
public enum MaskSource {
	SELECTION("Current selection"), ROI_MANAGER("ROI Manager"), OVERLAY("Overlay"), MASK_IMAGE("Mask image");

	private final String label;

	MaskSource(final String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** All labels, in dialog order. */
	public static String[] labels() {
		return Labels.of(values(), MaskSource::label);
	}

	/** Parses a label (any case); anything else is an {@link InpaintingException} naming the choices. */
	public static MaskSource parse(final String s) {
		return Labels.parse(values(), MaskSource::label, s, "mask source");
	}
}
