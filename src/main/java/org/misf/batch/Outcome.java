package org.misf.batch;

/** How one image of a batch ended. */
enum Outcome {

	DONE, SKIPPED, FAILED, ELSEWHERE, STOPPED;

	/** Tells the listener why the image failed, in one sentence; {@link #FAILED}. */
	static Outcome failed(final BatchListener listener, final String name, final String sentence) {
		listener.imageFailed(name, sentence);
		return FAILED;
	}
}
