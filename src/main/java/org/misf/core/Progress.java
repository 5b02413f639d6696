package org.misf.core;

/**
 * The progress of one piece of long work, pulled: the thread doing the work writes it here and asks here whether to
 * stop, and whoever shows it (a terminal bar, ImageJ's status line) reads it from its own thread and calls
 * {@link #cancel()} when the user stops. The work therefore never runs a front-end's code, and a slow display
 * cannot slow it. Final, so no caller can hook code into the worker's thread.
 */
public final class Progress implements ProgressListener {

	/** What the work last reported: {@code done} of {@code total} units, with a remark (may be empty). */
	public static final class Step {

		public final long done;
		public final long total;
		public final String message;

		Step(final long done, final long total, final String message) {
			this.done = done;
			this.total = total;
			this.message = message == null ? "" : message;
		}
	}

	private static final Step NOTHING_YET = new Step(0, 0, "");

	private volatile Step last = NOTHING_YET;
	private volatile boolean cancelled;

	@Override
	public void progress(final long done, final long total, final String message) {
		last = new Step(done, total, message);
	}

	/** What the work last reported (0 of 0 before its first report). */
	public Step last() {
		return last;
	}

	@Override
	public boolean isCancelled() {
		return cancelled;
	}

	/** Asks the work to stop after the step in progress (a window); it then changes nothing. */
	public void cancel() {
		cancelled = true;
	}
}
