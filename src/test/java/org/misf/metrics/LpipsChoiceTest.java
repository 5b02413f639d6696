package org.misf.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Paths;

import org.junit.jupiter.api.Test;

/** The one reading of the LPIPS word, for both front-ends. */
class LpipsChoiceTest {

	@Test
	void wordsMeanTheSameInBothFrontEnds() {
		for (final String w : new String[] { "none", "NONE", " None ", "", "  ", null })
			assertSame(LpipsChoice.NONE, LpipsChoice.of(w), String.valueOf(w));
		for (final String w : new String[] { "default", "DEFAULT", " Default " })
			assertSame(LpipsChoice.DEFAULT, LpipsChoice.of(w), w);
		final LpipsChoice folder = LpipsChoice.of(" my-models/lpips-vgg ");
		assertEquals("my-models/lpips-vgg", folder.toString());
		assertEquals(LpipsChoice.of("my-models/lpips-vgg"), folder);
		assertNotEquals(LpipsChoice.DEFAULT, folder);
		assertNull(LpipsChoice.NONE.open(org.misf.model.Device.CPU));
		assertTrue(LpipsChoice.NONE.isNone());
	}

	@Test
	void theDefaultWordOpensTheShippedPackage() {
		assertEquals(LpipsPackage.defaultPackage().weights(), LpipsChoice.of("Default").openPackage().weights());
		assertEquals(Paths.get("models", LpipsPackage.DEFAULT_ID).toAbsolutePath(), LpipsChoice.of(Paths.get("models",
			LpipsPackage.DEFAULT_ID).toString()).openPackage().folder());
		assertThrows(IllegalStateException.class, LpipsChoice.NONE::openPackage);
	}
}
