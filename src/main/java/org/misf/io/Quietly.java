package org.misf.io;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.function.Supplier;

/**
 * Runs an ImageJ 1.x call (opening or saving a file) with the console held back: on a failure ImageJ prints its
 * own text ("An error occured writing the file", the Java exception) to standard output or error, where the
 * batch reports one sentence of its own instead.
 */
public final class Quietly {

	private static final PrintStream SINK = new PrintStream(OutputStream.nullOutputStream());

	private Quietly() {}

	/** {@code call}'s result, with System.out and System.err muted while it runs. */
	public static synchronized <T> T call(final Supplier<T> call) {
		final PrintStream out = System.out, err = System.err;
		System.setOut(SINK);
		System.setErr(SINK);
		try {
			return call.get();
		}
		finally {
			System.setOut(out);
			System.setErr(err);
		}
	}
}
