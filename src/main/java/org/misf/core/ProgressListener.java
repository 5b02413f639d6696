package org.misf.core;

/**
 * Receives progress of long work and tells it whether to stop. Implementations must be cheap:
 * they are called once per window or file.
 */
public interface ProgressListener {

	/** A listener that ignores progress and never cancels. */
	ProgressListener NONE = new ProgressListener() {
		@Override
		public void progress(final long done, final long total, final String message) {}
	};

	/** Reports that {@code done} of {@code total} units are finished; {@code message} may be empty. */
	void progress(long done, long total, String message);

	/** Whether the user asked to stop (e.g. pressed Esc); work stops cleanly and changes nothing. */
	default boolean isCancelled() {
		return false;
	}
}
