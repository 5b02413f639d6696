package org.misf.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

import org.misf.files.Sha256;

/**
 * What stands at a result's name and at its record's ({@link Provenance#sidecar}), as a batch run and
 * {@code verify} see it: the one place that decides whether a result is done and its record true.
 */
public enum ResultStatus {

	/** Neither a result nor a record: the image is to do. */
	ABSENT(null),
	/** A result whose record gives its sha256. */
	TRUE(null),
	/** A result without a record. */
	UNRECORDED("has no record"),
	/** A result whose record gives another sha256. */
	CHANGED("differs from its record (changed after it was written?)"),
	/** A record whose result is not there. */
	MISSING("is missing; its record remains"),
	/** A result and a record that cannot be compared: the record is not one, or a file cannot be read. */
	UNREADABLE("cannot be checked: it or its record cannot be read"),
	/** Something other than a plain file at the result's or the record's name. */
	NOT_A_FILE("is a symbolic link or a folder, not a plain file");

	/** What is wrong, after the result's name; null when nothing is. */
	public final String problem;

	ResultStatus(final String problem) {
		this.problem = problem;
	}

	/** The status of {@code output} (reads the result whole when a record names its sha256). */
	public static ResultStatus of(final Path output) {
		final Path record = Provenance.sidecar(output);
		final boolean result = Files.exists(output, LinkOption.NOFOLLOW_LINKS), recorded = Files.exists(record,
			LinkOption.NOFOLLOW_LINKS);
		if (result && !Files.isRegularFile(output, LinkOption.NOFOLLOW_LINKS) || recorded && !Files.isRegularFile(
			record, LinkOption.NOFOLLOW_LINKS)) return NOT_A_FILE;
		if (!result) return recorded ? MISSING : ABSENT;
		if (!recorded) return UNRECORDED;
		try {
			return Provenance.read(record).sha256.equals(Sha256.of(output)) ? TRUE : CHANGED;
		}
		catch (final IOException e) {
			return Files.exists(record) && Files.exists(output) ? UNREADABLE : of(output); // or gone meanwhile: again
		}
	}

	/** Whether a result is at the name (whatever its record says). */
	public boolean hasResult() {
		return this == TRUE || this == UNRECORDED || this == CHANGED || this == UNREADABLE;
	}
}
