package org.misf.imagej;

import java.util.Arrays;
import java.util.List;

import ij.IJ;
import ij.ImageJ;
import ij.Macro;

/**
 * Whether this Java process is ImageJ started from a shell to run one macro and end ({@code ImageJ -batch} of
 * ImageJ 1.x, under Xvfb or not; Fiji's {@code --headless -batch}), and how a failure ends such a run: nobody is at
 * the screen to close a dialog and ImageJ itself would exit with 0 whatever happened, so the sentence goes to
 * stderr and the process ends with the command line's exit codes (1: some images failed; 2: nothing could be done).
 * Embedded uses (a script host, pyimagej, a test) never match, so they are never ended.
 */
public final class BatchRun {

	/** Exit code: some images of a batch failed (as the command line's). */
	public static final int SOME_FAILED = 1;
	/** Exit code: the command could not do what was asked (as the command line's). */
	public static final int NOTHING_DONE = 2;

	private BatchRun() {}

	/** Whether ImageJ runs one macro for a shell, with no ImageJ window (see the class comment). */
	public static boolean isActive() {
		return IJ.getInstance() == null && (hasBatchFlag(ImageJ.getArgs()) || hasBatchFlag(processArguments()));
	}

	/** Whether {@code -batch} is among the arguments ({@code -batch-no-exit} keeps the process for its host). */
	static boolean hasBatchFlag(final String[] args) {
		if (args == null) return false;
		final List<String> list = Arrays.asList(args);
		return list.contains("-batch") && !list.contains("-batch-no-exit");
	}

	/** The process's own arguments: those of {@code java} or, for Fiji, of its launcher, which starts Java inside. */
	private static String[] processArguments() {
		return ProcessHandle.current().info().arguments().orElse(null);
	}

	/** Ends the process with {@code sentence} on stderr and {@code exitCode}: only ever called when {@link #isActive}. */
	static void end(final String title, final String sentence, final int exitCode) {
		System.out.flush();
		System.err.println(title + ": " + sentence);
		System.err.flush();
		System.exit(exitCode);
	}

	/**
	 * For macros: {@code call("org.misf.imagej.BatchRun.unattended")} is "true" in a {@code -batch} run, where a macro
	 * must not ask for anything (nobody can answer), else "false".
	 */
	public static String unattended() {
		return Boolean.toString(isActive());
	}

	/**
	 * For macros: {@code exit(call("org.misf.imagej.BatchRun.fail", "sentence"));} ends a {@code -batch} run with the
	 * sentence on stderr and exit code 2; elsewhere it returns the sentence, which the macro's {@code exit} shows.
	 */
	public static String fail(final String sentence) {
		if (isActive()) end("Macro", sentence, NOTHING_DONE);
		return sentence;
	}

	/**
	 * In a {@code -batch} run a command started without options would show its dialog and wait forever: it then
	 * reads empty options, i.e. its defaults, as a macro line without keys does.
	 */
	static void noDialogs() {
		if (isActive() && Macro.getOptions() == null) Macro.setOptions(" ");
	}
}
