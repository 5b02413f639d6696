package org.misf.batch;

import org.misf.files.Sha256;
import org.misf.model.InpaintingException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import ij.process.LUT;
import ij.process.ShortProcessor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Results are written whole or not at all, and never replace what is there. */
class ResultWriterTest {

	@TempDir
	Path dir;

	private static ImagePlus random(final ImageProcessor ip, final double max, final long seed) {
		final Random r = new Random(seed);
		for (int i = 0; i < ip.getPixelCount(); i++)
			if (ip instanceof ColorProcessor) ip.set(i, r.nextInt(1 << 24));
			else ip.setf(i, (float) (r.nextDouble() * max));
		return new ImagePlus("r", ip);
	}

	private static String same(final ImagePlus written, final Path file) {
		final ImagePlus back = IJ.openImage(file.toString());
		return back == null ? "unreadable" : ResultWriter.differs(written, back);
	}

	private Stream<Path> leftovers() throws IOException {
		return Files.list(dir).filter(p -> p.getFileName().toString().startsWith("."));
	}

	@Test
	void everyImageTypeIsWrittenAndReadBackEqual() throws IOException {
		final ByteProcessor lut = (ByteProcessor) random(new ByteProcessor(40, 30), 255, 2).getProcessor();
		lut.setLut(LUT.createLutFromColor(java.awt.Color.ORANGE));
		final ImageStack stack = new ImageStack(20, 10);
		for (int s = 0; s < 3; s++)
			stack.addSlice(random(new ShortProcessor(20, 10), 4000, s).getProcessor());
		final Object[][] cases = { { "gray8.png", random(new ByteProcessor(40, 30), 255, 1) }, { "lut8.png",
			new ImagePlus("l", lut) }, { "gray16.png", random(new ShortProcessor(40, 30), 65535, 3) }, { "gray16.tif",
				random(new ShortProcessor(40, 30), 65535, 4) }, { "float.tif", random(new FloatProcessor(40, 30), 1e6,
					5) }, { "rgb.png", random(new ColorProcessor(40, 30), 0, 6) }, { "rgb.tif", random(new ColorProcessor(
						40, 30), 0, 7) }, { "stack.tif", new ImagePlus("s", stack) } };
		for (final Object[] c : cases) {
			final Path out = dir.resolve((String) c[0]);
			assertTrue(ResultWriter.write((ImagePlus) c[1], out), (String) c[0]);
			assertNull(same((ImagePlus) c[1], out), (String) c[0]);
		}
		assertEquals(0, leftovers().count());
	}

	@Test
	void anExistingResultIsNeverReplaced() throws IOException {
		final ImagePlus first = random(new ByteProcessor(30, 20), 255, 8), second = random(new ByteProcessor(30, 20),
			255, 9);
		final Path out = dir.resolve("a.png");
		assertTrue(ResultWriter.write(first, out));
		assertFalse(ResultWriter.write(second, out), "a second result for the same name is refused");
		assertNull(same(first, out), "the first result is still there, unchanged");
		assertEquals(0, leftovers().count());
	}

	@Test
	void temporaryFilesOfStoppedProcessesAreRemovedOthersKept() throws Exception {
		final Process gone = new ProcessBuilder("true").start();
		gone.waitFor();
		final Path stale = dir.resolve(".a.png.tmp-" + gone.pid() + ".png");
		final Path mine = dir.resolve(".b.png.tmp-" + ProcessHandle.current().pid() + ".png");
		final Path unrelated = dir.resolve(".hidden-notes.txt");
		for (final Path p : new Path[] { stale, mine, unrelated })
			Files.write(p, new byte[] { 1, 2, 3 });
		assertEquals(1, ResultWriter.removeStaleTemps(dir));
		assertFalse(Files.exists(stale));
		assertTrue(Files.exists(mine) && Files.exists(unrelated));
	}

	/** A result and its record are named together, the record describing the file as written. */
	@Test
	void aResultAndItsRecordAreWrittenTogether() throws IOException {
		final ImagePlus img = random(new ColorProcessor(30, 20), 0, 12);
		final Path out = dir.resolve("r.png");
		assertTrue(ResultWriter.writeWithRecord(img, out, written -> Provenance.rebuilt(out, written)));
		assertEquals(Sha256.of(out), Provenance.read(Provenance.sidecar(out)).sha256);
		assertEquals(ResultStatus.TRUE, ResultStatus.of(out));
		assertEquals(0, leftovers().count());
	}

	/** Another run's result at the name: this run's record is taken back, so it never describes that result. */
	@Test
	void aRecordIsNeverLeftBesideAnotherRunsResult() throws IOException {
		final Path out = dir.resolve("s.png");
		final ImagePlus theirs = random(new ByteProcessor(30, 20), 255, 13), ours = random(new ByteProcessor(30, 20),
			255, 14);
		assertTrue(ResultWriter.write(theirs, out));
		assertFalse(ResultWriter.writeWithRecord(ours, out, written -> Provenance.rebuilt(out, written)));
		assertFalse(Files.exists(Provenance.sidecar(out)));
		assertNull(same(theirs, out));
		assertEquals(0, leftovers().count());
	}

	/**
	 * A disk with room for a result but not for its record (a tmpfs filled to leave just the result's pages; needs
	 * the right to mount): neither is named, nothing temporary stays.
	 */
	@Test
	void roomForAResultButNotItsRecordNamesNeither() throws Exception {
		final ImagePlus img = random(new ColorProcessor(120, 100), 0, 15);
		final Path probe = dir.resolve("probe.png");
		assertTrue(ResultWriter.write(img, probe));
		final long pages = (Files.size(probe) + 4095) / 4096;
		final Path small = Files.createDirectory(dir.resolve("small2"));
		final Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=512k", "tmpfs", small.toString())
			.redirectErrorStream(true).start();
		assumeTrue(mount.waitFor() == 0, "cannot mount a small filesystem here");
		try {
			final long free = Files.getFileStore(small).getUsableSpace();
			Files.write(small.resolve("filler"), new byte[(int) (free - pages * 4096)]);
			final Path out = small.resolve("r.png");
			final IOException e = assertThrows(IOException.class, () -> ResultWriter.writeWithRecord(img, out,
				written -> Provenance.rebuilt(out, written)));
			assertTrue(e.getMessage().startsWith("the record r.png.json could not be written"), e.getMessage());
			assertEquals("[filler]", Files.list(small).map(p -> p.getFileName().toString()).collect(Collectors.toList())
				.toString());
			Files.delete(small.resolve("filler")); // room again: both are written
			assertTrue(ResultWriter.writeWithRecord(img, out, written -> Provenance.rebuilt(out, written)));
			assertEquals(ResultStatus.TRUE, ResultStatus.of(out));
		}
		finally {
			new ProcessBuilder("umount", "-l", small.toString()).start().waitFor();
		}
	}

	/** A read-only filesystem (a tmpfs mounted ro; needs the right to mount, as root in CI), found before any work. */
	@Test
	void aReadOnlyFolderIsFoundBeforeAnyWork() throws Exception {
		final Path ro = Files.createDirectory(dir.resolve("ro"));
		final Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "ro,size=64k", "tmpfs", ro.toString())
			.redirectErrorStream(true).start();
		assumeTrue(mount.waitFor() == 0, "cannot mount a filesystem here");
		try {
			final InpaintingException e = assertThrows(InpaintingException.class, () -> ResultWriter.checkWritable(
				ro));
			assertTrue(e.getMessage().startsWith("Results cannot be written into " + ro), e.getMessage());
		}
		finally {
			new ProcessBuilder("umount", "-l", ro.toString()).start().waitFor();
		}
	}

	/**
	 * A real filesystem that fills up (a 256 kB tmpfs; needs the right to mount, as root in CI): the big result
	 * fails with a clear message, nothing appears under its name, no temporary file stays, and the result written
	 * before is intact.
	 */
	@Test
	void aFullDiskLosesNothing() throws Exception {
		final Path small = Files.createDirectory(dir.resolve("small"));
		final Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", small.toString())
			.redirectErrorStream(true).start();
		assumeTrue(mount.waitFor() == 0, "cannot mount a small filesystem here");
		try {
			final ImagePlus done = random(new ByteProcessor(40, 40), 255, 10);
			assertTrue(ResultWriter.write(done, small.resolve("done.png")));
			final ImagePlus big = random(new ColorProcessor(600, 600), 0, 11); // ~1 MB as PNG: does not fit
			final IOException e = assertThrows(IOException.class, () -> ResultWriter.write(big, small.resolve("big.png")));
			assertTrue(e.getMessage().contains("disk full") || e.getMessage().contains("not whole"), e.getMessage());
			assertFalse(Files.exists(small.resolve("big.png")));
			assertNull(same(done, small.resolve("done.png")));
			assertEquals("[done.png]", Files.list(small).map(p -> p.getFileName().toString()).collect(Collectors
				.toList()).toString());
		}
		finally {
			new ProcessBuilder("umount", "-l", small.toString()).start().waitFor(); // lazy: ImageJ's writer may hold the failed file open
		}
	}
}
