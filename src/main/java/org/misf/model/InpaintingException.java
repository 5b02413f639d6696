package org.misf.model;

import org.misf.core.MisfException;

/**
 * Any failure of inpainting or of a model package; the message is one sentence for the user
 * (see {@link MisfException}).
 */
public class InpaintingException extends MisfException {

	private static final long serialVersionUID = 1L;

	public InpaintingException(final String message) {
		super(message);
	}

	public InpaintingException(final String message, final Throwable cause) {
		super(message, cause);
	}
}
