package org.misf.checkpoint;

import org.misf.model.InpaintingException;

/**
 * A checkpoint could not be imported: unreadable, unsafe, or not a MISF generator. The message is one
 * sentence for the user (it may name the offending keys); nothing has been written when it is thrown.
 */
public class CheckpointException extends InpaintingException {

	private static final long serialVersionUID = 1L;

	public CheckpointException(final String message) {
		super(message);
	}

	public CheckpointException(final String message, final Throwable cause) {
		super(message, cause);
	}
}
