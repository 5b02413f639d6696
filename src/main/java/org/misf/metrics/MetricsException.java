package org.misf.metrics;

import org.misf.model.InpaintingException;

/**
 * A metric or evaluation cannot be computed for the given input (sizes differ, a file is unreadable, ...).
 * The message is one sentence meant for the user.
 */
public class MetricsException extends InpaintingException {

	private static final long serialVersionUID = 1L;

	public MetricsException(final String message) {
		super(message);
	}

	public MetricsException(final String message, final Throwable cause) {
		super(message, cause);
	}
}
