package org.misf.cli;

import java.io.PrintStream;

import org.misf.core.ProgressListener;

/**
 * A one-line text progress bar, redrawn in place on a stream (stderr), e.g. {@code [#####.....] 5/10 a.tif}; safe to
 * draw from the batch's thread and a progress watcher's.
 */
final class ProgressBar implements ProgressListener {

	private static final int WIDTH = 30;

	private final PrintStream out;
	private final boolean enabled;
	private int lastLength;

	ProgressBar(final PrintStream out, final boolean enabled) {
		this.out = out;
		this.enabled = enabled;
	}

	@Override
	public synchronized void progress(final long done, final long total, final String message) {
		if (!enabled || total <= 0) return;
		final int filled = (int) (WIDTH * Math.min(done, total) / total);
		final StringBuilder sb = new StringBuilder("\r[");
		for (int i = 0; i < WIDTH; i++)
			sb.append(i < filled ? '#' : '.');
		sb.append("] ").append(done).append('/').append(total);
		if (message != null && !message.isEmpty()) sb.append(' ').append(message);
		final int length = sb.length();
		for (int i = length; i < lastLength; i++)
			sb.append(' ');
		lastLength = length;
		out.print(sb);
		out.flush();
	}

	/** Ends the line so that following messages start on a new one. */
	synchronized void finish() {
		if (enabled && lastLength > 0) out.println();
		lastLength = 0;
	}

	/** Prints a message on its own line without losing the bar. */
	synchronized void message(final String line) {
		if (enabled && lastLength > 0) {
			out.print('\r');
			for (int i = 0; i < lastLength; i++)
				out.print(' ');
			out.print('\r');
			lastLength = 0;
		}
		out.println(line);
	}
}
