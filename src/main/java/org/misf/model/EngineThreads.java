package org.misf.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import ai.djl.engine.Engine;

/**
 * The one place that decides how many CPU threads PyTorch uses (for the CLI, the Fiji commands and the
 * metrics alike). PyTorch fixes them when its engine starts, from DJL's system properties, so they are set
 * before the first model loads:
 * <ul>
 * <li>intra-op threads: the user's number ({@code --threads}), else the physical cores that are idle right
 * now (measured over {@value #SAMPLE_MS} ms from {@code /proc/stat}, niced jobs counting as idle; at least 1). PyTorch's own default, one
 * per core, waits for every thread at every operation, which on a machine busy with other jobs was 2-7 times
 * slower than one thread; on an idle machine all cores are about twice as fast as one (README, "Speed");</li>
 * <li>inter-op threads: 1 (the network is one sequential graph).</li>
 * </ul>
 * How the threads wait between operations is set with the other native settings in {@link NativeEnvironment}.
 */
public final class EngineThreads {

	/** DJL's property for PyTorch's intra-op threads. */
	public static final String INTRA_OP = "ai.djl.pytorch.num_threads";

	/** DJL's property for PyTorch's inter-op threads. */
	public static final String INTER_OP = "ai.djl.pytorch.num_interop_threads";

	/** DJL's property for TorchScript's profiling graph optimizer. */
	static final String GRAPH_OPTIMIZER = "ai.djl.pytorch.graph_optimizer";

	static final int SAMPLE_MS = 200;

	private static String chosenBy = "not yet chosen";

	private EngineThreads() {}

	/** Uses {@code n} intra-op threads (the user's choice); call before the first model loads. */
	public static synchronized void use(final int n) {
		if (n < 1) throw new InpaintingException("The number of threads must be 1 or more, not " + n + ".");
		System.setProperty(INTRA_OP, Integer.toString(n));
		chosenBy = "set by the user";
	}

	/**
	 * Sets the defaults for whatever the user did not set, and the native libraries' environment
	 * ({@link NativeEnvironment}); called before the engine starts. Also turns TorchScript's
	 * profiling optimizer off (it recompiles for each new input size, and windows vary in size; its fused arithmetic
	 * also moves results away from PyTorch's eager ones), for every network alike.
	 */
	public static synchronized void applyDefaults() {
		NativeEnvironment.apply();
		if (System.getProperty(GRAPH_OPTIMIZER) == null) System.setProperty(GRAPH_OPTIMIZER, "false");
		if (System.getProperty(INTER_OP) == null) System.setProperty(INTER_OP, "1");
		if (System.getProperty(INTRA_OP) != null) return;
		final int physical = physicalCores();
		final double busy = busyCores(SAMPLE_MS);
		final int n = idleCores(physical, busy);
		System.setProperty(INTRA_OP, Integer.toString(n));
		chosenBy = busy < 0 ? "physical cores" : String.format(java.util.Locale.ROOT,
			"%d physical cores, %.1f busy with other work", physical, busy);
	}

	/**
	 * The PyTorch engine, started with this class's thread counts: the one way into the engine, so that no first
	 * use elsewhere (an import, reading a test pair) fixes PyTorch's own defaults for the rest of the session.
	 */
	public static Engine engine() {
		applyDefaults();
		final Engine engine = Engine.getEngine("PyTorch");
		EngineLog.quiet();
		return engine;
	}

	/** What decided the thread count, for the benchmark and the log. */
	public static synchronized String description() {
		return System.getProperty(INTRA_OP, "PyTorch's default") + " intra-op (" + chosenBy + "), " + System
			.getProperty(INTER_OP, "PyTorch's default") + " inter-op";
	}

	/** The physical cores that are not busy, rounding to the nearest, at least 1. */
	static int idleCores(final int physical, final double busy) {
		if (busy < 0) return physical;
		return (int) Math.max(1, Math.min(physical, Math.round(physical - busy)));
	}

	/** Physical cores from /proc/cpuinfo (distinct physical id and core id), else the logical processors. */
	static int physicalCores() {
		final int logical = Runtime.getRuntime().availableProcessors();
		try {
			final Set<String> cores = new HashSet<>();
			String physicalId = "0";
			for (final String line : Files.readAllLines(Paths.get("/proc/cpuinfo"))) {
				if (line.startsWith("physical id")) physicalId = value(line);
				else if (line.startsWith("core id")) cores.add(physicalId + "/" + value(line));
			}
			return cores.isEmpty() ? logical : Math.max(1, Math.min(logical, cores.size()));
		}
		catch (final IOException | RuntimeException e) {
			return logical;
		}
	}

	/**
	 * Logical CPUs busy over the next {@code ms} ms, or -1 where unknown. Idle, waiting for I/O and niced time
	 * (background jobs that yield to normal-priority work) and this process's own time do not count as busy.
	 */
	static double busyCores(final int ms) {
		final Path stat = Paths.get("/proc/stat");
		try {
			final long[] a = cpuTimes(Files.readAllLines(stat));
			final long ownA = ownTicks();
			Thread.sleep(ms);
			final long[] b = cpuTimes(Files.readAllLines(stat));
			return busyCores(a, b, ownTicks() - ownA, Runtime.getRuntime().availableProcessors());
		}
		catch (final IOException | RuntimeException e) {
			return -1;
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
			return -1;
		}
	}

	/**
	 * Logical CPUs busy with other work between two samples of {@link #cpuTimes} ({total, idle} ticks), of which
	 * {@code own} ticks were this process's; -1 when no time passed.
	 */
	static double busyCores(final long[] before, final long[] after, final long own, final int logical) {
		final double total = after[0] - before[0], idle = after[1] - before[1];
		if (total <= 0) return -1;
		return Math.max(0, 1 - (idle + own) / total) * logical;
	}

	/** CPU time of this process (its JIT and start-up threads are not other work), in the same ticks. */
	private static long ownTicks() throws IOException {
		final String stat = new String(Files.readAllBytes(Paths.get("/proc/self/stat")), java.nio.charset.StandardCharsets.US_ASCII);
		final String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
		return Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14 and 15)
	}

	/** {total, nice + idle + iowait} jiffies of the "cpu" line. */
	static long[] cpuTimes(final List<String> lines) {
		for (final String line : lines) {
			if (!line.startsWith("cpu ")) continue;
			final String[] f = line.trim().split("\\s+");
			long total = 0;
			for (int i = 1; i < f.length && i <= 8; i++)
				total += Long.parseLong(f[i]);
			return new long[] { total, Long.parseLong(f[2]) + Long.parseLong(f[4]) + Long.parseLong(f[5]) };
		}
		throw new IllegalStateException("no cpu line");
	}

	private static String value(final String line) {
		return line.substring(line.indexOf(':') + 1).trim();
	}
}
