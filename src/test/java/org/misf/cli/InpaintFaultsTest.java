package org.misf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import ij.IJ;
import ij.ImagePlus;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real faults on the {@code inpaint} command, each in child JVMs: two runs on one folder, a termination signal
 * (a Slurm time limit) and kill -9 in the middle of writing. Finished results are never lost or replaced.
 */
class InpaintFaultsTest {

	@TempDir
	Path dir;

	private ChildRuns runs;

	private void folder(final int n, final int side) {
		runs = new ChildRuns(dir);
		runs.folder("images", n, side);
	}

	private ChildRuns.Child start(final String... extra) throws IOException {
		return runs.inpaint("images", "out", extra);
	}

	private List<String> outputs() throws IOException {
		return ChildRuns.names(dir.resolve("out")).stream().filter(n -> !n.endsWith(".json")).collect(Collectors
			.toList()); // results and temporary files; provenance records left out
	}

	/** Every output under a final name (not hidden) is a whole image of the input's size. */
	private void checkWhole(final int side) throws IOException {
		for (final String name : outputs()) {
			if (name.startsWith(".")) continue;
			final ImagePlus imp = IJ.openImage(dir.resolve("out").resolve(name).toString());
			assertNotNull(imp, name + " is not a readable image");
			assertEquals(side, imp.getWidth(), name);
		}
	}

	@Test
	@Tag("slow")
	void twoRunsAtOnceWriteEachResultExactlyOnce() throws Exception {
		folder(10, 96);
		final ChildRuns.Child a = start(), b = start("--dilate", "3");
		final String outA = a.stdout(), outB = b.stdout();
		assertEquals(0, a.exit(), outA);
		assertEquals(0, b.exit(), outB);
		assertEquals(10, ChildRuns.count(outA, "inpainted") + ChildRuns.count(outB, "inpainted"), "each result written once:\n" + outA + outB);
		assertEquals(10, outputs().size(), outputs().toString());
		checkWhole(96);
	}

	@Test
	@Tag("slow")
	void aTerminationSignalKeepsFinishedResultsAndPrintsTheSummary() throws Exception {
		folder(30, 256);
		final ChildRuns.Child p = start();
		while (outputs().stream().filter(n -> !n.startsWith(".")).count() < 2 && p.process.isAlive()) // two finished results
			Thread.sleep(20);
		p.process.destroy(); // SIGTERM, as a Slurm time limit sends
		final String out = p.stdout();
		assertEquals(143, p.exit(), out);
		assertTrue(out.contains("stopped: finished results are kept"), out);
		final int done = ChildRuns.count(out, "inpainted");
		assertTrue(done >= 2 && done < 30, out);
		assertEquals(done, outputs().size(), "no temporary file is left: " + outputs());
		checkWhole(256);
		final ChildRuns.Child again = start();
		final String rest = again.stdout();
		assertEquals(0, again.exit(), rest);
		assertEquals(done, ChildRuns.count(rest, "skipped"), rest);
		assertEquals(30, outputs().size());
	}

	@Test
	@Tag("slow")
	void killedWhileWritingOnlyATemporaryFileIsLeftAndTheNextRunRemovesIt() throws Exception {
		folder(6, 1500); // 6.75 MB TIFFs: being written when their temporary file appears
		final Path out = Files.createDirectories(dir.resolve("out"));
		boolean caught = false;
		try (WatchService watcher = out.getFileSystem().newWatchService()) {
			out.register(watcher, StandardWatchEventKinds.ENTRY_CREATE);
			final ChildRuns.Child p = start();
			while (!caught && p.process.isAlive()) { // woken by each new file (the 1 s only notices the end of the run)
				final WatchKey key = watcher.poll(1, TimeUnit.SECONDS);
				if (key == null) continue;
				for (final WatchEvent<?> e : key.pollEvents()) {
					final String name = String.valueOf(e.context());
					caught |= name.startsWith(".img") && name.contains(".tif.tmp-"); // a result's, not the folder's write probe
				}
				if (caught) p.process.destroyForcibly(); // kill -9, as the first result is being written
				key.reset();
			}
			p.exit();
		}
		assertTrue(caught, "the run ended before a write could be interrupted");
		final long finished = outputs().stream().filter(n -> !n.startsWith(".")).count();
		checkWhole(1500); // the interrupted result is only ever under its hidden temporary name
		final ChildRuns.Child again = start();
		final String rest = again.stdout();
		assertEquals(0, again.exit(), rest);
		assertEquals(finished, ChildRuns.count(rest, "skipped"), rest);
		assertEquals(6, outputs().size(), "all results, no temporary file: " + outputs());
	}
}
