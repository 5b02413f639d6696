package org.misf.batch;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

import org.misf.core.ProgressListener;

/**
 * How one image of a batch ended in another process ({@link BatchRunner}), with what that process's batch would
 * have told the user: its notes and its failure's sentence. Serializable, so the process can send it back.
 */
public final class ImageOutcome implements Serializable {

	private static final long serialVersionUID = 1L;

	final String name;
	final Outcome outcome;
	private final List<String> notes;
	private final String failure;

	ImageOutcome(final String name, final Outcome outcome, final Heard heard) {
		this.name = name;
		this.outcome = outcome;
		this.notes = heard == null ? List.of() : heard.notes;
		this.failure = heard == null ? null : heard.failure;
	}

	/** A cancelled image: done when its task wrote it before the cancel ({@code written}), else stopped. */
	public static ImageOutcome cancelled(final String name, final boolean written) {
		return new ImageOutcome(name, written ? Outcome.DONE : Outcome.STOPPED, null);
	}

	/** Tells {@code listener} what it would have heard had the image been done in this process. */
	void tell(final BatchListener listener) {
		for (final String n : notes)
			listener.imageNote(name, n);
		if (failure != null) listener.imageFailed(name, failure);
	}

	/** What a batch says about one image, kept; cancelled when its progress is. */
	static final class Heard implements BatchListener {

		private final ProgressListener progress;
		final List<String> notes = new ArrayList<>();
		String failure;

		Heard(final ProgressListener progress) {
			this.progress = progress;
		}

		@Override
		public ProgressListener imageStarted(final int index, final int total, final String name) {
			return progress;
		}

		@Override
		public void imageNote(final String name, final String message) {
			notes.add(message);
		}

		@Override
		public void imageFailed(final String name, final String message) {
			failure = message;
		}

		@Override
		public boolean isCancelled() {
			return progress.isCancelled();
		}
	}
}
