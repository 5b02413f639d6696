package org.misf.batch;

import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;

import org.misf.core.Progress;

/**
 * How a front-end follows the image a batch is doing: each image gets a {@link Progress} ({@link #start}, what
 * {@link BatchListener#imageStarted} returns), and a thread of this watch reads it a few times a second, shows each
 * new step and cancels it once the front-end's stop condition holds (Esc, a termination signal). The batch's thread
 * therefore never runs front-end code while an image is done, and a slow display cannot slow the work.
 */
public final class ProgressWatch implements AutoCloseable {

	private final long pollMillis;
	private final BooleanSupplier stop;
	private final BiConsumer<String, Progress.Step> show;
	private final Thread watcher;
	private volatile Progress current;
	private volatile String currentName;
	private volatile boolean closed;
	private Progress.Step shown;

	/**
	 * @param stop whether the user asked to stop (asked on the watch's thread)
	 * @param show shows a new step of the named image (called on the watch's thread)
	 */
	public ProgressWatch(final long pollMillis, final BooleanSupplier stop, final BiConsumer<String, Progress.Step> show) {
		this.pollMillis = pollMillis;
		this.stop = stop;
		this.show = show;
		watcher = new Thread(this::watch, "misf-progress");
		watcher.setDaemon(true);
		watcher.start();
	}

	/** The Progress of image {@code name}, which starts now; already cancelled when the stop condition holds. */
	public Progress start(final String name) {
		final Progress p = new Progress();
		if (stop.getAsBoolean()) p.cancel();
		currentName = name;
		current = p;
		return p;
	}

	private void watch() {
		while (!closed) {
			try {
				Thread.sleep(pollMillis);
			}
			catch (final InterruptedException e) {
				return;
			}
			final Progress p = current;
			if (p == null) continue;
			if (stop.getAsBoolean()) p.cancel();
			showLast(p);
		}
	}

	private synchronized void showLast(final Progress p) {
		final Progress.Step step = p.last();
		if (step == shown || step.total == 0) return;
		shown = step;
		show.accept(currentName, step);
	}

	/** Stops the thread and shows the last step of the image in progress, if not shown yet. */
	@Override
	public void close() {
		closed = true;
		watcher.interrupt();
		try {
			watcher.join();
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		final Progress p = current;
		if (p != null) showLast(p);
	}
}
