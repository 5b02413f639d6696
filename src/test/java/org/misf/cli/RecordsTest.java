package org.misf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.misf.cli.InpaintCliTest.run;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.misf.batch.Provenance;
import org.misf.batch.ResultStatus;
import org.misf.files.Sha256;

/**
 * What a rerun and {@code verify} do with results and records changed after a run, on real files: a deleted
 * result whose record stayed, a result edited by hand, a record deleted, a symbolic link at an output name.
 */
@org.junit.jupiter.api.Tag("slow")
class RecordsTest {

	@TempDir
	Path dir;

	private Path out;

	@BeforeEach
	void firstRun() {
		new ChildRuns(dir).folder("images", 3, 48);
		out = dir.resolve("out");
		final InpaintCliTest.Run first = inpaint();
		assertEquals(0, first.code, first.err);
	}

	private InpaintCliTest.Run inpaint(final String... extra) {
		final String[] args = new String[6 + extra.length];
		System.arraycopy(new String[] { "inpaint", dir.resolve("images").toString(), dir.resolve("masks").toString(),
			"-o", out.toString(), "--quiet" }, 0, args, 0, 6);
		System.arraycopy(extra, 0, args, 6, extra.length);
		return run(args);
	}

	private static String record(final Path result) throws Exception {
		return new String(Files.readAllBytes(Provenance.sidecar(result)), StandardCharsets.UTF_8);
	}

	@Test
	void aDeletedResultIsRedoneWithANewRecordNotBesideTheOldOne() throws Exception {
		final Path r = out.resolve("img0.tif");
		Files.delete(r);
		final InpaintCliTest.Run again = inpaint("--dilate", "3");
		assertEquals(0, again.code, again.err);
		assertTrue(again.out.contains("1 inpainted, 2 skipped (already done), 0 failed"), again.out);
		assertTrue(again.err.contains("img0.tif: its record img0.tif.json described a result that is not there"),
			again.err);
		assertTrue(record(r).contains("\"dilate\": 3"), record(r));
		assertTrue(record(r).contains("\"sha256\": \"" + Sha256.of(r) + "\""), record(r));
		assertEquals(ResultStatus.TRUE, ResultStatus.of(r));
	}

	@Test
	void verifyListsChangedMissingAndUnrecordedResultsAndARerunSaysWhatItDid() throws Exception {
		assertEquals(0, run("verify", out.toString()).code);
		Files.write(out.resolve("img0.tif"), new byte[] { 0 }, StandardOpenOption.APPEND); // edited by hand
		Files.delete(out.resolve("img1.tif"));
		Files.delete(Provenance.sidecar(out.resolve("img2.tif")));
		final InpaintCliTest.Run v = run("verify", out.toString());
		assertEquals(1, v.code, v.out);
		assertEquals("changed: img0.tif differs from its record (changed after it was written?)\n" +
			"missing: img1.tif is missing; its record remains\nunrecorded: img2.tif has no record\n" +
			"0 results match their records; 1 missing, 1 changed, 1 unrecorded.", v.out.strip().replace("\r\n", "\n"));

		final InpaintCliTest.Run again = inpaint();
		assertEquals(1, again.code, again.err);
		assertTrue(again.err.contains("error: img0.tif: the result img0.tif differs from its record"), again.err);
		assertTrue(again.err.contains("img2.tif: its result had no record; a record of the result's sha256 alone"),
			again.err);
		assertTrue(record(out.resolve("img2.tif")).contains("\"rebuilt\""));
		final InpaintCliTest.Run after = run("verify", out.toString());
		assertEquals(1, after.code);
		assertTrue(after.out.endsWith("2 results match their records (1 of them rebuilt: only the file's sha256 is " +
			"known); 0 missing, 1 changed, 0 unrecorded.\n"), after.out);
	}

	@Test
	void aSymbolicLinkAtAnOutputNameIsOneLineAndLeftAlone() throws Exception {
		final Path r = out.resolve("img0.tif");
		Files.delete(r);
		Files.delete(Provenance.sidecar(r));
		Files.createSymbolicLink(r, dir.resolve("elsewhere.tif")); // dangling
		final InpaintCliTest.Run again = inpaint();
		assertEquals(1, again.code, again.err);
		assertTrue(again.out.contains("0 inpainted, 2 skipped (already done), 1 failed"), again.out);
		assertTrue(again.err.contains("error: img0.tif: the output img0.tif or its record is a symbolic link"),
			again.err);
		assertTrue(Files.isSymbolicLink(r) && !Files.exists(r) && !Files.exists(Provenance.sidecar(r),
			LinkOption.NOFOLLOW_LINKS));
	}
}
