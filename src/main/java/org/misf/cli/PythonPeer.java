package org.misf.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * The same TorchScript run by the PyTorch of a Python interpreter (Debian's, {@code /usr/bin/python3}), in a
 * process of its own that times one forward pass whenever asked ({@code forward_peer.py}), so that {@code bench}
 * can alternate it with the plugin's forward pass in one run. Where that Python or its PyTorch is missing, the
 * peer is not {@link #available} and {@link #status} says why.
 */
final class PythonPeer implements AutoCloseable {

	private final Process process;
	private final BufferedReader answers;
	private final PrintWriter questions;
	private final Path script;
	private final String status;

	/**
	 * Starts {@code python} on {@code model} with {@code threads} intra-op threads, TorchScript's optimising
	 * executor on or off, and {@code env} added to this process's environment (as it was when the JVM started).
	 */
	PythonPeer(final String python, final Path model, final int threads, final boolean optimize,
		final Map<String, String> env)
	{
		Process p = null;
		Path s = null;
		String st;
		BufferedReader in = null;
		PrintWriter q = null;
		try {
			s = Files.createTempFile("misf-forward-peer", ".py");
			try (InputStream r = PythonPeer.class.getResourceAsStream("forward_peer.py")) {
				Files.copy(r, s, StandardCopyOption.REPLACE_EXISTING);
			}
			final ProcessBuilder pb = new ProcessBuilder(python, s.toString(), model.toString(), Integer.toString(threads),
				optimize ? "1" : "0").redirectError(ProcessBuilder.Redirect.DISCARD);
			pb.environment().putAll(env);
			p = pb.start();
			in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
			q = new PrintWriter(new OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8), true);
			final String first = in.readLine();
			st = first == null ? python + " ended before it was ready" : first;
		}
		catch (final IOException e) {
			st = "missing " + python + " (" + e.getMessage() + ")";
		}
		process = p;
		script = s;
		answers = in;
		questions = q;
		status = st.startsWith("ready ") ? st.substring(6) : st.replaceFirst("^missing ", "not available: ");
		if (!available()) close();
	}

	/** Whether the peer runs: its Python has PyTorch and loaded the model. */
	boolean available() {
		return status.startsWith("torch ");
	}

	/** "torch VERSION" when available, else why not. */
	String status() {
		return status;
	}

	/** One forward pass on a batch x 3 x height x width input: {wall ns, CPU ns, minor page faults}. */
	long[] runOnce(final int batch, final int height, final int width) {
		if (!available()) throw new IllegalStateException("peer not running: " + status);
		questions.println(batch + " " + height + " " + width);
		try {
			final String line = answers.readLine();
			if (line == null) throw new IllegalStateException("the Python peer ended during a forward pass");
			final String[] f = line.trim().split(" ");
			return new long[] { Long.parseLong(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2]) };
		}
		catch (final IOException e) {
			throw new IllegalStateException("the Python peer cannot be read: " + e.getMessage(), e);
		}
	}

	@Override
	public void close() {
		if (questions != null) questions.close();
		if (process != null) {
			process.destroy();
			try {
				process.waitFor();
			}
			catch (final InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
		try {
			if (script != null) Files.deleteIfExists(script);
		}
		catch (final IOException e) {
			// a temporary file left behind
		}
	}
}
