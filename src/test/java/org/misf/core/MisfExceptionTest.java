package org.misf.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.misf.checkpoint.CheckpointException;
import org.misf.metrics.MetricsException;
import org.misf.model.InpaintingException;

/** Every failure meant for the user has the one root a front-end catches, and keeps its sentence. */
class MisfExceptionTest {

	@Test
	void everyUserFailureIsAMisfException() {
		final RuntimeException[] all = { new BadInputException("The mask is 4x4 but the image is 8x8."),
			new CancelledException(), new InpaintingException("a"), new MetricsException("b"),
			new CheckpointException("c") };
		for (final RuntimeException e : all)
			assertTrue(e instanceof MisfException, e.getClass().getName());
		assertEquals("The mask is 4x4 but the image is 8x8.", all[0].getMessage());
		assertEquals("Cancelled by the user; the image is unchanged.", all[1].getMessage());
	}
}
