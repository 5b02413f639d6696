package org.misf.model;

/**
 * Any failure of inpainting or of a model package, with a message that is one clear sentence
 * meant for the user (e.g. "The mask is 512x400 but the image is 512x512.").
 */
public class InpaintingException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public InpaintingException(final String message) {
		super(message);
	}

	public InpaintingException(final String message, final Throwable cause) {
		super(message, cause);
	}
}
