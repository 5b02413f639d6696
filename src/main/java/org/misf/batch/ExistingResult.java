package org.misf.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;


/**
 * What a batch run does with what already stands at a result's name ({@link ResultStatus}): skips a result with
 * a true record, gives a result found without its record one of what it proves itself (its sha256, marked as
 * rebuilt), reports a result that differs from its record or something that is not a file there, and removes a
 * record whose result is not there before the image is done again, saying so each time.
 */
final class ExistingResult {

	private ExistingResult() {}

	/**
	 * What can be decided about a job without claiming it: a problem, done already (a result with a true record,
	 * or a result alone when no record is wanted; a result found without its record gets one rebuilt), or null:
	 * to do (nothing there, or a record without its result: under a claim, see {@link #removeOrphanRecord}).
	 */
	static Outcome outcome(final InpaintJobs.Job j, final boolean record, final BatchListener listener) {
		final String name = j.image.getFileName().toString();
		if (j.problem != null) return Outcome.failed(listener, name, j.problem);
		if (j.mask == null) return Outcome.failed(listener, name, "there is no matching mask.");
		final ResultStatus status = ResultStatus.of(j.output);
		switch (status) {
			case NOT_A_FILE:
				return Outcome.failed(listener, name, "the output " + j.output.getFileName() + " or its record " + status.problem +
					"; nothing was written (remove it, or choose another output folder).");
			case ABSENT:
			case MISSING:
				return null;
			case UNRECORDED:
				return record ? rebuildRecord(j.output, name, listener) : Outcome.SKIPPED;
			case CHANGED:
			case UNREADABLE:
				return record ? Outcome.failed(listener, name, "the result " + j.output.getFileName() + " " + status.problem +
					"; it was left as it is (verify lists such results).") : Outcome.SKIPPED;
			default:
				return Outcome.SKIPPED;
		}
	}

	/** A result found without its record gets a record of what it proves itself: its sha256, marked as rebuilt. */
	private static Outcome rebuildRecord(final Path output, final String name, final BatchListener listener) {
		try {
			if (ResultWriter.writeText(Provenance.rebuilt(output, output), Provenance.sidecar(output)))
				listener.imageNote(name, "its result had no record; a record of the result's sha256 alone was made " +
					"(marked as rebuilt: how the result was made is not known).");
			return Outcome.SKIPPED;
		}
		catch (final IOException e) {
			return Outcome.failed(listener, name, "its result has no record and none could be made (" + e.getMessage() + ")");
		}
	}

	/** A record without its result (deleted, or a run stopped between naming the two) would describe the new one. */
	static void removeOrphanRecord(final Path output, final String name, final BatchListener listener) {
		try {
			Files.deleteIfExists(Provenance.sidecar(output));
			listener.imageNote(name, "its record " + Provenance.sidecar(output).getFileName() + " described a result " +
				"that is not there (deleted, or a run stopped before naming it); the record was removed and the image " +
				"is done again.");
		}
		catch (final IOException e) {
			// the write below refuses to name a result beside it, and says so
		}
	}
}
