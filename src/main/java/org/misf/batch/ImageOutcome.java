package org.misf.batch;

import java.io.Serializable;

/**
 * What became of one image of a batch, wherever it was done: written (with a note or not), left because another
 * run wrote it first, failed (with one sentence), or stopped by a cancel before anything was written. Serializable,
 * so a {@link BatchRunner}'s other processes can send it back.
 */
public final class ImageOutcome implements Serializable {

	private static final long serialVersionUID = 1L;

	/** The kinds of outcome. */
	public enum Kind {
		/** Inpainted and written (also an empty mask: written unchanged, with a note). */
		DONE,
		/** Another run wrote this result while this one computed it; this one's was discarded. */
		BY_ANOTHER_RUN,
		/** Not done, for the reason in the message. */
		FAILED,
		/** A cancel stopped it; nothing was written. */
		STOPPED
	}

	public final String name;
	public final Kind kind;
	/** The note or the failure's sentence; null when there is none. */
	public final String message;

	ImageOutcome(final String name, final Kind kind, final String message) {
		this.name = name;
		this.kind = kind;
		this.message = message;
	}

	/** An outcome known without doing the image (e.g. a runner's cancelled image, done or not). */
	public static ImageOutcome of(final String name, final Kind kind, final String message) {
		return new ImageOutcome(name, kind, message);
	}

	/** Tells {@code listener} what it would have heard had the image been done in this process. */
	void tell(final BatchListener listener) {
		if (kind == Kind.FAILED) listener.imageFailed(name, message);
		else if (message != null && kind != Kind.STOPPED) listener.imageNote(name, message);
	}
}
