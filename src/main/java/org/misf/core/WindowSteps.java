package org.misf.core;

/** The {@link NetworkSteps} of a {@link WindowRun}: what {@link CoarseRun} and {@link BlockRun} hand out. */
abstract class WindowSteps implements NetworkSteps {

	final WindowRun run;

	WindowSteps(final WindowRun run) {
		this.run = run;
	}

	@Override
	public boolean hasNextBatch() { return run.hasNextBatch(); }

	@Override
	public NetworkBatch nextBatch() { return run.nextBatch(); }

	@Override
	public void accept(final float[] out) { run.accept(out); }
}
