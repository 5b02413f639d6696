package org.misf.model;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;

/**
 * A loaded network's bare forward pass, without the arrays' way in and out: what the benchmark times against the
 * whole Java path ({@code cli/ForwardProbe}).
 */
public interface ForwardPass {

	/** A manager for inputs made once and kept by the caller, who closes it. */
	NDManager newInputManager();

	/** One forward pass of (image, mask); its output is freed at once. */
	void forward(NDList input);
}
