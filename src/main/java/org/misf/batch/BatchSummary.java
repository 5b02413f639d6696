package org.misf.batch;

import java.util.Locale;

/** How a batch ended: counts, time, whether it was stopped. */
public final class BatchSummary {

	public final int done, skipped, failed, total;
	public final double seconds;
	public final boolean stopped;

	BatchSummary(final int done, final int skipped, final int failed, final int total, final double seconds,
		final boolean stopped)
	{
		this.done = done;
		this.skipped = skipped;
		this.failed = failed;
		this.total = total;
		this.seconds = seconds;
		this.stopped = stopped;
	}

	/** The one summary line both front-ends print. */
	public String line() {
		return String.format(Locale.ROOT, "%d inpainted, %d skipped (already done), %d failed, of %d image%s in %.1f s%s",
			done, skipped, failed, total, total == 1 ? "" : "s", seconds, stopped ?
				"; stopped: finished results are kept, the rest is left for a later run." : ".");
	}

	/** 0 all done, 1 some images failed or the run was stopped. */
	public int exitCode() {
		return failed > 0 || stopped ? 1 : 0;
	}
}
