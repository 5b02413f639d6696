package org.misf.model;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.Optional;

import com.sun.jna.Library;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;

/**
 * Keeps libtorch's own C++ warnings off the user's terminal. libtorch logs through c10, which prints warnings
 * such as {@code [W... NNPACK.cpp:61] Could not initialize NNPACK! Reason: Unsupported hardware.} (on CPUs
 * without the instructions NNPACK wants; harmless: PyTorch then uses its other kernels) straight to the process's
 * standard error. c10 reads its threshold from the global {@code FLAGS_caffe2_log_level} (0 info, 1 warning, 2
 * error); the variable {@code TORCH_CPP_LOG_LEVEL} is read only by {@code c10::initLogging}, which Python calls
 * and DJL does not (set before the run, it changes nothing). So once the engine's libraries are loaded the
 * threshold is raised to errors, unless the user set {@code TORCH_CPP_LOG_LEVEL} (then c10's messages are theirs
 * to see, at the level they chose, applied the same way). Linux only, where the loaded libc10 can be found
 * among the process's mapped files; on Windows and macOS such a warning, if PyTorch prints one, stays.
 */
final class EngineLog {

	/** c10's level for errors. */
	static final int ERROR = 2;

	private static boolean done;

	private EngineLog() {}

	/** Raises c10's log threshold to errors (once; call after the engine's libraries are loaded). */
	static synchronized void quiet() {
		if (done) return;
		done = true;
		final String chosen = System.getenv("TORCH_CPP_LOG_LEVEL");
		final int level = chosen == null ? ERROR : parse(chosen.trim());
		if (level >= 0) setLevel(level);
	}

	/** The level named by TORCH_CPP_LOG_LEVEL's words or digits, or -1. */
	private static int parse(final String s) {
		switch (s.toUpperCase(java.util.Locale.ROOT)) {
			case "INFO": case "0": return 0;
			case "WARNING": case "1": return 1;
			case "ERROR": case "2": return 2;
			case "FATAL": case "3": return 3;
			default: return -1;
		}
	}

	/** c10's threshold now, or -1 where its library or flag cannot be found (not Linux, engine not started). */
	static int level() {
		final Pointer flag = flag();
		return flag == null ? -1 : flag.getInt(0);
	}

	private static void setLevel(final int level) {
		final Pointer flag = flag();
		if (flag != null) flag.setInt(0, level);
	}

	/**
	 * The flag in the libc10 the engine loaded: found by its path among this process's mapped files (Linux) and
	 * opened with RTLD_NOLOAD, so that nothing is ever loaded (a name alone would let JNA load another libc10, such
	 * as a system PyTorch's, into the process). Null elsewhere or when not found: the warning then stays.
	 */
	private static Pointer flag() {
		try {
			final Path maps = Paths.get("/proc/self/maps");
			if (!Files.isReadable(maps)) return null;
			final Optional<String> c10 = Files.readAllLines(maps).stream().map(l -> l.substring(l.lastIndexOf(' ') + 1))
				.filter(f -> f.endsWith("/libc10.so")).findFirst();
			if (c10.isEmpty()) return null;
			final NativeLibrary lib = NativeLibrary.getInstance(c10.get(), Map.of(Library.OPTION_OPEN_FLAGS,
				RTLD_LAZY | RTLD_NOLOAD));
			return lib.getGlobalVariableAddress("FLAGS_caffe2_log_level");
		}
		catch (final LinkageError | RuntimeException | java.io.IOException e) {
			return null; // best effort: a warning on the terminal is all that is lost
		}
	}

	/** dlopen's flags (Linux): resolve lazily; only a library that is loaded already. */
	private static final int RTLD_LAZY = 1, RTLD_NOLOAD = 4;
}
