package org.misf.core;

/**
 * Work that needs the network between its steps, whoever holds the network (the model layer, a test, another
 * machine's runner): while {@link #hasNextBatch}, run the network on {@link #nextBatch} and hand its output to
 * {@link #accept}. {@code core} never calls the network itself.
 */
public interface NetworkSteps {

	/** Whether a batch is left; asks the work's listener first whether to stop ({@link CancelledException}). */
	boolean hasNextBatch();

	/** The next batch's input. */
	NetworkBatch nextBatch();

	/** The network's output for the batch last handed out ({@code batch x 3 x height x width}, in [0, 1]). */
	void accept(float[] out);

	/** Runs every step with {@code network} as a plain function. */
	default void runWith(final InpaintingNetwork network) {
		while (hasNextBatch())
			accept(network.run(nextBatch()));
	}
}
