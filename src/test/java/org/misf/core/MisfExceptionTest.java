package org.misf.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The sentences of failures (that every failure type is a {@link MisfException} is a rule of
 * {@code org.misf.LayerRulesTest}).
 */
class MisfExceptionTest {

	@Test
	void cancellingSaysThatNothingChanged() {
		assertEquals("Cancelled by the user; the image is unchanged.", new CancelledException().getMessage());
	}

	@Test
	void aLibrarysMessageIsQuotedByItsFirstLine() {
		assertEquals("bad header", MisfException.firstLine(new IllegalStateException("bad header\n\tat x.y(Z.java)")));
		assertEquals("no such file", MisfException.firstLine(new RuntimeException(null, new java.io.IOException(
			"no such file"))), "the cause's message when the wrapper has none of its own");
		assertEquals("UnsatisfiedLinkError", MisfException.firstLine(new UnsatisfiedLinkError()));
	}
}
