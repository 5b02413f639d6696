package org.misf.batch;

import java.util.Locale;

/** How a batch ended: counts, time, whether it was stopped. */
public final class BatchSummary {

	/** The exit code of a run stopped by a termination signal: 128 + 15, as the shell reports a killed program. */
	public static final int STOPPED_EXIT = 143;

	/** Images inpainted, skipped (done before), failed, left to other runs still working on them, in all. */
	public final int done, skipped, failed, elsewhere, total;
	public final double seconds;
	public final boolean stopped;

	BatchSummary(final int done, final int skipped, final int failed, final int elsewhere, final int total,
		final double seconds, final boolean stopped)
	{
		this.done = done;
		this.skipped = skipped;
		this.failed = failed;
		this.elsewhere = elsewhere;
		this.total = total;
		this.seconds = seconds;
		this.stopped = stopped;
	}

	/** The one summary line both front-ends print. */
	public String line() {
		return String.format(Locale.ROOT, "%d inpainted, %d skipped (already done), %d failed, of %d image%s in %.1f s%s%s",
			done, skipped, failed, total, total == 1 ? "" : "s", seconds, elsewhere == 0 ? "" : String.format(Locale.ROOT,
				"; %d being done by another run", elsewhere), stopped ?
					"; stopped: finished results are kept, the rest is left for a later run." : ".");
	}

	/** 0 all done (or left to other runs), 1 some images failed, {@link #STOPPED_EXIT} stopped. */
	public int exitCode() {
		return stopped ? STOPPED_EXIT : failed > 0 ? 1 : 0;
	}
}
