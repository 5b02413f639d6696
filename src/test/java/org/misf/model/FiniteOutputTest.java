package org.misf.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

import org.junit.jupiter.api.Test;

class FiniteOutputTest {

	private static final float[] GOOD = { 0.25f, 1f };

	/** A pass that returns its outputs in turn and counts the calls. */
	private static final class Scripted implements FiniteOutput.Pass<RuntimeException> {
		final Deque<float[]> outputs;
		int calls;

		Scripted(final float[]... outputs) {
			this.outputs = new ArrayDeque<>(Arrays.asList(outputs));
		}

		@Override
		public float[] run() {
			calls++;
			return outputs.size() > 1 ? outputs.poll() : outputs.peek();
		}
	}

	@Test
	void aFiniteOutputIsTakenAtOnce() {
		final Scripted pass = new Scripted(GOOD);
		assertArrayEquals(GOOD, FiniteOutput.firstFinite(pass));
		assertEquals(1, pass.calls);
	}

	@Test
	void aPassingNaNIsRunAgain() {
		final Scripted pass = new Scripted(new float[] { Float.NaN, 1 }, new float[] { 0, Float.POSITIVE_INFINITY },
			GOOD);
		assertArrayEquals(GOOD, FiniteOutput.firstFinite(pass));
		assertEquals(3, pass.calls);
	}

	@Test
	void aNaNThatStaysIsReturnedAfterTheLastAttempt() {
		final Scripted pass = new Scripted(new float[] { Float.NaN, 1 });
		assertFalse(FiniteOutput.isFinite(FiniteOutput.firstFinite(pass)));
		assertEquals(FiniteOutput.ATTEMPTS, pass.calls);
	}

	@Test
	void finiteMeansNoNaNAndNoInfinity() {
		assertTrue(FiniteOutput.isFinite(new float[] { -Float.MAX_VALUE, 0, Float.MIN_VALUE }));
		assertFalse(FiniteOutput.isFinite(new float[] { 0, Float.NEGATIVE_INFINITY }));
	}
}
