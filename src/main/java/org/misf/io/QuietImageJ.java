package org.misf.io;

import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.util.function.Supplier;

import ij.IJ;

/**
 * Runs ImageJ's own file code so that its error handling cannot reach the user, for both front-ends: ImageJ reports
 * a file it cannot read or write with {@code IJ.error}, which during a macro hands the message to the macro
 * interpreter, which shows a modal "Macro Error" dialog (under {@code ImageJ -batch} on a virtual display nobody can
 * close it, and the job hangs). Here the interpreter is detached while the work runs, so ImageJ logs the message
 * instead and our caller reports its own sentence. ImageJ keeps the interpreter in a private field, which is the
 * one reason for reflection here; where that field cannot be reached, ImageJ behaves as it always did.
 */
public final class QuietImageJ {

	private static final Field INTERPRETER = interpreterField();

	private QuietImageJ() {}

	/**
	 * Runs {@code work} with the macro interpreter detached, ImageJ's errors redirected to its log (which does not
	 * end a macro) and the console held back: our caller says in one sentence what went wrong.
	 */
	public static synchronized <T> T call(final Supplier<T> work) {
		final PrintStream stdout = System.out, stderr = System.err;
		final PrintStream sink = new PrintStream(OutputStream.nullOutputStream());
		System.setOut(sink);
		System.setErr(sink);
		IJ.redirectErrorMessages(true);
		try {
			return withoutMacroDialogs(work);
		}
		finally {
			IJ.redirectErrorMessages(false);
			System.setOut(stdout);
			System.setErr(stderr);
		}
	}

	/**
	 * Runs {@code work} with the macro interpreter detached, so that an {@code IJ.error} inside it cannot open the
	 * macro interpreter's error dialog (it shows ImageJ's message box, or prints when there is no ImageJ window).
	 */
	public static <T> T withoutMacroDialogs(final Supplier<T> work) {
		final Object interpreter = get();
		set(null);
		try {
			return work.get();
		}
		finally {
			set(interpreter);
		}
	}

	private static Field interpreterField() {
		try {
			final Field f = IJ.class.getDeclaredField("macroInterpreter");
			f.setAccessible(true);
			return f;
		}
		catch (final ReflectiveOperationException | RuntimeException e) {
			return null;
		}
	}

	private static Object get() {
		try {
			return INTERPRETER == null ? null : INTERPRETER.get(null);
		}
		catch (final ReflectiveOperationException | RuntimeException e) {
			return null;
		}
	}

	private static void set(final Object interpreter) {
		if (INTERPRETER == null) return;
		try {
			INTERPRETER.set(null, interpreter);
		}
		catch (final ReflectiveOperationException | RuntimeException e) {
			// not reachable here: ImageJ handles its errors as it always did
		}
	}
}
