package org.misf.spark;

import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/** Counts the tasks of the running job that finished, for the batch's progress (on Spark's listener thread). */
final class TaskProgress extends SparkListener {

	/** Hears finished tasks. */
	interface Sink {
		void progress(int done, int total);
	}

	private Sink sink;
	private int total, done;

	synchronized void start(final int tasks, final Sink s) {
		sink = s;
		total = tasks;
		done = 0;
	}

	synchronized void stop() {
		sink = null;
	}

	@Override
	public synchronized void onTaskEnd(final SparkListenerTaskEnd end) {
		if (sink != null && end.taskInfo().successful()) sink.progress(++done, total);
	}
}
