package org.misf.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * How a termination signal (kill, a Slurm time limit's SIGTERM, Ctrl-C) stops an {@code inpaint} run cleanly:
 * installed first thing in {@code main}, so a signal at any moment after the JVM started is seen; the batch stops
 * after the window in progress (that image is not written), the summary is printed, and the JVM then ends with
 * the shell's code for the signal (128 + its number: 143 for SIGTERM, 130 for Ctrl-C). The signal waits at most
 * {@link #WAIT_SECONDS} for that.
 */
final class StopSignal {

	static final int WAIT_SECONDS = 60;

	private final AtomicBoolean requested = new AtomicBoolean();
	private final CountDownLatch finished = new CountDownLatch(1);

	private StopSignal() {}

	/** A stop signal listening from now on. */
	static StopSignal install() {
		final StopSignal s = new StopSignal();
		Runtime.getRuntime().addShutdownHook(new Thread(s::stop, "misf-stop"));
		return s;
	}

	/** Whether a signal asked the run to stop. */
	boolean requested() {
		return requested.get();
	}

	/** The run has printed its summary: the JVM may end. */
	void finished() {
		finished.countDown();
	}

	private void stop() {
		requested.set(true);
		try {
			finished.await(WAIT_SECONDS, TimeUnit.SECONDS);
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
