package org.misf.core;

/**
 * The root of every failure this project reports to a user, so a front-end catches this one type and shows
 * {@link #getMessage()} as it is.
 * <p>
 * The contract of every subclass: the message is <b>one sentence meant for the user</b> that says what is wrong
 * and, where it can, what to do (e.g. "The mask is 512x400 but the image is 512x512."): no stack trace, no
 * class names, no line breaks. Whatever was being changed when it is thrown (an image, an output folder) is left
 * as it was unless the subclass says otherwise. Programming errors are not {@code MisfException}s.
 * <p>
 * The family: {@link BadInputException} (an image, mask or setting {@code core} cannot work with),
 * {@link CancelledException} (the user stopped long work), {@code model.InpaintingException} (inpainting or a
 * model package failed) with its {@code metrics.MetricsException} and {@code checkpoint.CheckpointException}.
 */
public class MisfException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public MisfException(final String message) {
		super(message);
	}

	public MisfException(final String message, final Throwable cause) {
		super(message, cause);
	}

	/** The first line of a library's message (or its class name), for quoting it in one sentence. */
	public static String firstLine(final Throwable e) {
		Throwable t = e;
		while (t.getCause() != null && t.getMessage() == null)
			t = t.getCause();
		final String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
		return m.split("\n")[0].trim();
	}

	/**
	 * What a failure that is not a {@code MisfException} (a programming error, a library's) was, for a sentence
	 * of the caller's: its type and where it happened ("NullPointerException in ij.ImagePlus.getStack"), never its
	 * own text or stack trace.
	 */
	public static String unexpected(final Throwable e) {
		final StackTraceElement[] at = e.getStackTrace();
		return e.getClass().getSimpleName() + (at.length == 0 ? "" : " in " + at[0].getClassName() + "." + at[0]
			.getMethodName());
	}
}
