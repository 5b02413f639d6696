package org.misf.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.sun.jna.Library;
import com.sun.jna.Native;

/**
 * The one place that decides the environment variables PyTorch's native libraries read when they load, set in
 * this process (through the C library's {@code setenv}) before the engine starts. A variable the user has set
 * is left as it is. Measured with {@code bench} on this project's shared 2-core machine (README, "Speed"):
 * <ul>
 * <li>{@value #WAIT_POLICY}={@value #PASSIVE}: OpenMP threads sleep between parallel regions instead of
 * spinning. GNU OpenMP's default spins for milliseconds after every operation; with other jobs on the
 * machine the spinning threads took the cores from the thread doing the work, and two threads were 3 times
 * slower than one;</li>
 * <li>{@value #HUGE_PAGES}=1 (Linux with transparent huge pages): PyTorch asks for 2 MB pages for its large
 * arrays. Otherwise every forward pass touches freshly mapped 4 kB pages, about 470,000 page faults for one
 * 512 x 512 window, which took 4.4 s of system time on this virtual machine.</li>
 * </ul>
 * Neither changes a result: they decide how threads wait and how memory is mapped, not what is computed.
 */
public final class NativeEnvironment {

	/** OpenMP's wait policy (GNU, LLVM and Intel OpenMP). */
	static final String WAIT_POLICY = "OMP_WAIT_POLICY";

	static final String PASSIVE = "PASSIVE";

	/** PyTorch's switch for huge pages in its CPU allocator (PyTorch 2.1 and later). */
	static final String HUGE_PAGES = "THP_MEM_ALLOC_ENABLE";

	/** Variables that already decide how OpenMP threads wait, so that the wait policy is not set over them. */
	private static final String[] WAITING = { WAIT_POLICY, "GOMP_SPINCOUNT", "KMP_BLOCKTIME" };

	private static final Path THP = Paths.get("/sys/kernel/mm/transparent_hugepage/enabled");

	private static final Map<String, String> set = new LinkedHashMap<>();

	private static String outcome = "not yet set";

	private NativeEnvironment() {}

	/** The C library's {@code setenv}. */
	private interface CLibrary extends Library {

		int setenv(String name, String value, int overwrite);
	}

	/** Sets the variables the user did not set; call before the engine starts (later calls do nothing). */
	static synchronized void apply() {
		if (!"not yet set".equals(outcome)) return;
		final Map<String, String> wanted = wanted(System.getenv(), System.getProperty("os.name", ""), thpMode());
		if (wanted.isEmpty()) {
			outcome = "nothing set";
			return;
		}
		try {
			final CLibrary c = Native.load("c", CLibrary.class);
			for (final Map.Entry<String, String> e : wanted.entrySet())
				if (c.setenv(e.getKey(), e.getValue(), 0) == 0) set.put(e.getKey(), e.getValue());
			outcome = set.isEmpty() ? "setenv refused" : "set";
		}
		catch (final LinkageError | RuntimeException e) {
			outcome = "cannot be set here (" + e.getClass().getSimpleName() + ")";
		}
	}

	/**
	 * What to set for an environment {@code env} on system {@code os} whose kernel's transparent huge pages are
	 * {@code thp} (the selected word of the kernel's setting, or null without one): only on Linux and macOS, where
	 * the C library's {@code setenv} reaches the native libraries.
	 */
	static Map<String, String> wanted(final Map<String, String> env, final String os, final String thp) {
		final Map<String, String> out = new LinkedHashMap<>();
		final String system = os.toLowerCase(Locale.ROOT);
		if (!system.contains("linux") && !system.contains("mac")) return out;
		boolean waitChosen = false;
		for (final String v : WAITING)
			waitChosen |= env.containsKey(v);
		if (!waitChosen) out.put(WAIT_POLICY, PASSIVE);
		if (!env.containsKey(HUGE_PAGES) && thp != null && !"never".equals(thp)) out.put(HUGE_PAGES, "1");
		return out;
	}

	/** The selected word of the kernel's transparent huge page setting ("always", "madvise", "never"), or null. */
	static String thpMode() {
		try {
			final String s = new String(Files.readAllBytes(THP), StandardCharsets.US_ASCII);
			final int a = s.indexOf('['), b = s.indexOf(']');
			return a >= 0 && b > a ? s.substring(a + 1, b) : null;
		}
		catch (final IOException | RuntimeException e) {
			return null;
		}
	}

	/** The variables this class set in this process (empty before {@link #apply} or where it set none). */
	public static synchronized Map<String, String> chosen() {
		return Collections.unmodifiableMap(new LinkedHashMap<>(set));
	}

	/** What was set, for the benchmark and the log. */
	public static synchronized String description() {
		if (!set.isEmpty()) return "native settings " + set.toString().replaceAll("[{}]", "");
		return "native settings " + outcome;
	}
}
