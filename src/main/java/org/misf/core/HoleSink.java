package org.misf.core;

/** Receives filled hole pixels: their position and their values in [0, 1], one per plane (1 or 3). */
@FunctionalInterface
public interface HoleSink {

	/** {@code unit} is reused between calls: copy what is kept. */
	void pixel(long x, long y, float[] unit);
}
