package org.misf.core;

/**
 * An image, mask or setting that cannot be inpainted, with one sentence for the user
 * (e.g. "The mask is 512x400 but the image is 512x512."). The image has not been changed.
 */
public class BadInputException extends MisfException {

	private static final long serialVersionUID = 1L;

	public BadInputException(final String message) {
		super(message);
	}
}
