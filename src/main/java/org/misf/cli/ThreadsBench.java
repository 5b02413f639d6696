package org.misf.cli;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code bench --parts threads}: the default thread count against {@code --threads 1} and against OpenMP's own
 * way of waiting (spinning, {@code GOMP_SPINCOUNT} at GNU OpenMP's default instead of the plugin's passive
 * waiting, see {@link org.misf.model.NativeEnvironment}), on this machine idle and while it is busy with other
 * work (one spinning thread per core in this process). PyTorch fixes its threads when its engine starts, so each
 * case runs the window figures in a child JVM of its own.
 */
final class ThreadsBench {

	private final String model;
	private final PrintStream out;

	ThreadsBench(final String model, final PrintStream out) {
		this.model = model;
		this.out = out;
	}

	void run() {
		for (final boolean loaded : new boolean[] { false, true }) {
			final List<Thread> load = new ArrayList<>();
			final boolean[] stop = { false };
			if (loaded) for (int i = 0; i < Runtime.getRuntime().availableProcessors(); i++) {
				final Thread t = new Thread(() -> {
					long x = 0;
					while (!stop[0])
						x += System.nanoTime() % 3;
					if (x == 7) System.out.print("");
				});
				t.setDaemon(true);
				t.setPriority(Thread.NORM_PRIORITY);
				t.start();
				load.add(t);
			}
			try {
				for (final String threads : new String[] { null, "1" })
					child(loaded, threads, false);
				child(loaded, null, true);
			}
			finally {
				stop[0] = true;
			}
		}
	}

	/** GNU OpenMP's spin count when no variable sets it (its documentation: 300,000). */
	private static final String GOMP_DEFAULT_SPIN = "300000";

	private void child(final boolean loaded, final String threads, final boolean spinning) {
		final List<String> cmd = new ArrayList<>();
		cmd.add(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
		cmd.add("-cp");
		cmd.add(System.getProperty("java.class.path"));
		cmd.add(Main.class.getName());
		cmd.add("bench");
		cmd.add("--parts");
		cmd.add("windows");
		cmd.add("--runs");
		cmd.add("3");
		cmd.add("--python");
		cmd.add("none");
		cmd.add("--model");
		cmd.add(model);
		if (threads != null) {
			cmd.add("--threads");
			cmd.add(threads);
		}
		final String label = (loaded ? "busy machine" : "idle machine") + ", " + (threads == null ? "default threads"
			: "--threads " + threads) + (spinning ? ", OpenMP spinning (GOMP_SPINCOUNT=" + GOMP_DEFAULT_SPIN + ")" : "");
		try {
			final ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
			if (spinning) pb.environment().put("GOMP_SPINCOUNT", GOMP_DEFAULT_SPIN);
			final Process p = pb.start();
			try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
				StandardCharsets.UTF_8)))
			{
				String line;
				while ((line = r.readLine()) != null)
					if (line.startsWith("window ") || line.startsWith("model ")) out.println("  " + label + ": " + line
						.replaceFirst("^model \\S+ \\S+ \\([^)]*\\) on ", "on ").replaceFirst(
							" \\(of which outside the network call.*$", ""));
			}
			p.waitFor();
		}
		catch (final IOException e) {
			out.println("  " + label + ": could not start a child JVM (" + e.getMessage() + ")");
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
