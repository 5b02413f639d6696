package org.misf.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Collectors;

import ij.ImagePlus;
import ij.process.ByteProcessor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.misf.files.Claim;

/** The audit {@code verify} runs, on a real output folder with every kind of damage at once. */
class RecordAuditTest {

	@TempDir
	Path dir;

	private Path result(final String name, final long seed) throws IOException {
		final ByteProcessor ip = new ByteProcessor(20, 10);
		final Random r = new Random(seed);
		for (int i = 0; i < ip.getPixelCount(); i++)
			ip.set(i, r.nextInt(256));
		final Path out = dir.resolve(name);
		assertTrue(ResultWriter.writeWithRecord(new ImagePlus(name, ip), out, written -> Provenance.rebuilt(out, written)));
		return out;
	}

	@Test
	void missingChangedAndUnrecordedResultsAreListed() throws Exception {
		result("ok.png", 1);
		final Path changed = result("changed.tif", 2), missing = result("missing.png", 3), unrecorded = result(
			"unrecorded.png", 4), writing = result("writing.png", 5);
		Files.write(changed, "edited".getBytes(StandardCharsets.UTF_8), java.nio.file.StandardOpenOption.APPEND);
		Files.delete(missing);
		Files.delete(Provenance.sidecar(unrecorded));
		Files.delete(writing); // a record whose result a live run is about to name: not missing
		final Claim held = Claim.take(FolderBatchRun.claimFile(writing)).orElseThrow();
		Files.createSymbolicLink(dir.resolve("link.png"), dir.resolve("nowhere.png"));
		Files.write(dir.resolve("ok.holes.png"), new byte[] { 1 }); // a change image of ok.png
		Files.write(dir.resolve("evaluation.json"), "{}".getBytes(StandardCharsets.UTF_8)); // not a record
		final RecordAudit a = RecordAudit.of(dir);
		held.close();
		assertEquals("[changed: changed.tif differs from its record (changed after it was written?), "
			+ "not a file: link.png is a symbolic link or a folder, not a plain file, "
			+ "missing: missing.png is missing; its record remains, unrecorded: unrecorded.png has no record]",
			a.problems.stream().map(RecordAudit.Finding::line).collect(Collectors.toList()).toString());
		assertEquals(1, a.matching);
		assertEquals(1, a.inProgress);
		assertEquals("1 result matches its record (1 of them rebuilt: only the file's sha256 is known); 1 missing, "
			+ "1 changed, 1 unrecorded, 1 that cannot be checked, 1 being written by a running batch.", a.summary());
	}

	@Test
	void aRecordThatIsNotOneCannotBeChecked() throws Exception {
		final Path r = result("a.png", 6);
		Files.write(Provenance.sidecar(r), "{\"output\": 3}".getBytes(StandardCharsets.UTF_8));
		assertEquals(ResultStatus.UNREADABLE, ResultStatus.of(r));
		Files.write(Provenance.sidecar(r), "not json {".getBytes(StandardCharsets.UTF_8));
		assertEquals(ResultStatus.UNREADABLE, ResultStatus.of(r));
	}
}
