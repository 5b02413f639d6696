package org.misf.imagej;

import java.nio.file.Paths;

import ij.IJ;

import org.misf.batch.RecordAudit;
import org.misf.model.InpaintingException;

/**
 * "Verify MISF Results": the command line's {@code verify} inside ImageJ, through the same check
 * ({@link RecordAudit}): every result of an output folder hashed again and compared with its record; one Log line
 * for each result that is missing, changed or unrecorded, then the summary.
 */
public final class VerifyResults {

	public static final String TITLE = "Verify MISF Results";
	public static final String KEY_FOLDER = "folder";

	private VerifyResults() {}

	/** Checks {@code folder}; returns the summary line (also in the Log and the status bar). */
	public static String run(final String folder) {
		if (folder == null || folder.trim().isEmpty()) throw new InpaintingException("Choose the output folder to verify.");
		final RecordAudit audit = RecordAudit.of(Paths.get(folder.trim()));
		for (final RecordAudit.Finding f : audit.problems)
			IJ.log(f.line());
		IJ.log(audit.summary());
		IJ.showStatus(TITLE + ": " + audit.summary());
		return audit.summary();
	}
}
