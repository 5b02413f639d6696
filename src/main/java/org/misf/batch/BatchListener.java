package org.misf.batch;

import org.misf.core.ProgressListener;

/** What a front-end hears from a running batch, and how it stops one (Esc, a termination signal). */
public interface BatchListener {

	/** A remark about the run as a whole (e.g. stale temporary files removed). */
	default void note(final String message) {}

	/** Image {@code index} (0-based) of {@code total} to do now starts; its windows report through the result. */
	default ProgressListener imageStarted(final int index, final int total, final String name) {
		return ProgressListener.NONE;
	}

	/** A remark about one image that was done (an empty mask, another run wrote it first). */
	default void imageNote(final String name, final String message) {}

	/** One image failed, with one sentence; the batch goes on. */
	default void imageFailed(final String name, final String message) {}

	/** {@code done} of {@code total} images to do are finished (written, skipped late or failed). */
	default void progress(final int done, final int total) {}

	/** Whether to stop after the window in progress; the image in progress is then not written. */
	default boolean isCancelled() {
		return false;
	}
}
