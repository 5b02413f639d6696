package org.misf.spark;

import org.misf.model.ModelChoice;
import org.misf.model.TorchInpainter;

/**
 * The model of one JVM: loaded on first use and reused by every task that JVM runs (an executor's tasks, side by
 * side: the network's calls take turns, the rest of each task runs in parallel), so a cluster loads it once per
 * executor, not once per image or block. In an embedded run ({@code local[N]}) the driver and the executors share it.
 */
final class ExecutorModel {

	private static ModelChoice loaded;
	private static TorchInpainter model;

	private ExecutorModel() {}

	/** The model of {@code choice}, loading it the first time (and again only for another choice). */
	static synchronized TorchInpainter get(final ModelChoice choice) {
		if (model == null || !choice.equals(loaded)) {
			close();
			model = choice.open();
			loaded = choice;
		}
		return model;
	}

	/** Closes this JVM's model (the next task loads it again). */
	static synchronized void close() {
		if (model != null) model.close();
		model = null;
		loaded = null;
	}
}
