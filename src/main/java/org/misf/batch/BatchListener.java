package org.misf.batch;

import org.misf.core.Progress;
import org.misf.core.ProgressListener;

/** What a front-end hears from a running batch, and how it stops one (Esc, a termination signal). */
public interface BatchListener {

	/** A remark about the run as a whole (e.g. stale temporary files removed). */
	default void note(final String message) {}

	/**
	 * Image {@code index} (0-based) of {@code total} to do now starts; its windows report into what this returns,
	 * and stop when it says so (that image is then not written). A front-end returns a {@link Progress}, which it
	 * reads from a thread of its own and cancels to stop the image: the batch then never runs front-end code while an
	 * image is done.
	 */
	default ProgressListener imageStarted(final int index, final int total, final String name) {
		return new Progress();
	}

	/** A remark about one image that was done (an empty mask, another run wrote it first). */
	default void imageNote(final String name, final String message) {}

	/** One image failed, with one sentence; the batch goes on. */
	default void imageFailed(final String name, final String message) {}

	/** {@code done} of {@code total} images to do are finished (written, skipped late or failed). */
	default void progress(final int done, final int total) {}

	/** Whether to stop before the next image (asked between images; within one, cancel its {@link Progress}). */
	default boolean isCancelled() {
		return false;
	}
}
