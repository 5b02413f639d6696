package org.misf.core;

/** Thrown when the user cancelled long work; whatever was being changed is left as it was. */
public class CancelledException extends MisfException {

	private static final long serialVersionUID = 1L;

	public CancelledException() {
		super("Cancelled by the user; the image is unchanged.");
	}
}
