package org.misf.evaluation;

/** An input an evaluation left out, and the one-sentence reason. */
public final class SkippedFile {

	private final String file;
	private final String reason;

	public SkippedFile(final String file, final String reason) {
		this.file = file;
		this.reason = reason;
	}

	public String file() { return file; }

	public String reason() { return reason; }

	@Override
	public String toString() {
		return file + ": " + reason;
	}
}
