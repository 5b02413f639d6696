package org.misf.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

import com.sun.jna.Library;
import com.sun.jna.Native;

import org.junit.jupiter.api.Test;

class NativeEnvironmentTest {

	private static final Map<String, String> NONE = Collections.emptyMap();

	@Test
	void passiveWaitingAndHugePagesWhereTheUserSetNeither() {
		final Map<String, String> w = NativeEnvironment.wanted(NONE, "Linux", "madvise");
		assertEquals("PASSIVE", w.get("OMP_WAIT_POLICY"));
		assertEquals("1", w.get("THP_MEM_ALLOC_ENABLE"));
		assertEquals(2, w.size());
	}

	@Test
	void theUsersOwnSettingsAreLeftAlone() {
		for (final String v : new String[] { "OMP_WAIT_POLICY", "GOMP_SPINCOUNT", "KMP_BLOCKTIME" }) {
			final Map<String, String> env = new HashMap<>();
			env.put(v, "7");
			assertEquals(NONE, NativeEnvironment.wanted(env, "Linux", null), v + " set by the user");
		}
		assertEquals(Collections.singletonMap("OMP_WAIT_POLICY", "PASSIVE"), NativeEnvironment.wanted(Collections
			.singletonMap("THP_MEM_ALLOC_ENABLE", "0"), "Linux", "always"));
	}

	@Test
	void hugePagesOnlyWhereTheKernelHasThem() {
		assertEquals(Collections.singletonMap("OMP_WAIT_POLICY", "PASSIVE"), NativeEnvironment.wanted(NONE, "Linux",
			"never"));
		assertEquals(Collections.singletonMap("OMP_WAIT_POLICY", "PASSIVE"), NativeEnvironment.wanted(NONE, "Mac OS X",
			null));
		assertEquals(NONE, NativeEnvironment.wanted(NONE, "Windows 11", null), "no setenv that reaches the DLLs");
	}

	/** The C library's getenv, which the native libraries read. */
	private interface CLibrary extends Library {

		String getenv(String name);
	}

	@Test
	void whatIsChosenIsInTheNativeEnvironmentBeforeTheEngineStarts() {
		EngineThreads.applyDefaults(); // as every start of the engine does (the test JVM already has)
		final Map<String, String> chosen = NativeEnvironment.chosen();
		assumeTrue(!chosen.isEmpty(), "nothing to set here: " + NativeEnvironment.description());
		final CLibrary c = Native.load("c", CLibrary.class);
		for (final Map.Entry<String, String> e : chosen.entrySet())
			assertEquals(e.getValue(), c.getenv(e.getKey()), e.getKey());
		assertTrue(NativeEnvironment.description().contains("OMP_WAIT_POLICY=PASSIVE") || System.getenv().containsKey(
			"OMP_WAIT_POLICY"), NativeEnvironment.description());
	}
}
