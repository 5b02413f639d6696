package org.misf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.misf.cli.ChildRuns.count;
import static org.misf.cli.ChildRuns.names;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import ij.ImagePlus;
import ij.process.ColorProcessor;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.misf.batch.BatchSummary;
import org.misf.batch.RecordAudit;
import org.misf.batch.ResultStatus;

/**
 * The rows of issue 23, each a real fault on real files in child JVMs: kill -9 at ten moments, a disk with room
 * for a result but not its record, a disk too full for a result, a file name the locale cannot encode, an image
 * too large for the heap, shards beside an unsharded run, a termination signal before any image. No run prints a
 * library's text or a stack trace ({@link ChildRuns.Child#ownText}, PyTorch's NNPACK warning included).
 */
@Tag("slow")
class RecordFaultsTest {

	@TempDir
	Path dir;

	private ChildRuns runs;

	private ChildRuns runs() {
		if (runs == null) runs = new ChildRuns(dir);
		return runs;
	}

	/** Every result in {@code out} stands with a true record, and nothing temporary or claimed is left. */
	private static void allTrue(final Path out, final int results) throws Exception {
		final RecordAudit audit = RecordAudit.of(out);
		assertEquals(List.of(), audit.problems.stream().map(RecordAudit.Finding::line).collect(Collectors.toList()));
		assertEquals(results, audit.matching, audit.summary());
		assertEquals(List.of(), names(out).stream().filter(n -> n.startsWith(".")).collect(Collectors.toList()));
	}

	private static boolean mount(final Path at, final String size) throws Exception {
		return new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", at.toString())
			.redirectErrorStream(true).start().waitFor() == 0;
	}

	private static void unmount(final Path at) throws Exception {
		new ProcessBuilder("umount", "-l", at.toString()).start().waitFor();
	}

	@Test
	void killedAtTenMomentsNoResultIsEverLeftWithoutItsTrueRecord() throws Exception {
		runs().folder("images", 12, 96);
		final Path out = dir.resolve("out");
		for (int k = 1; k <= 10; k++) {
			final ChildRuns.Child c = runs.inpaint("images", "out");
			List<String> seen = names(out);
			int changes = 0;
			while (c.process.isAlive() && changes < k) { // the k-th change of the folder: a claim, a temporary file, a name
				final List<String> now = names(out);
				if (!now.equals(seen)) changes++;
				seen = now;
			}
			c.process.destroyForcibly(); // kill -9
			c.exit();
			for (final String n : names(out))
				if (!n.startsWith(".") && n.endsWith(".tif")) assertEquals(ResultStatus.TRUE, ResultStatus.of(out.resolve(n)), n + " after kill " + k);
		}
		final ChildRuns.Child again = runs.inpaint("images", "out");
		final String text = again.ownText();
		assertEquals(0, again.exit(), text);
		assertTrue(text.contains(" of 12 images") && !text.contains("another run"), text);
		allTrue(out, 12);
	}

	/**
	 * A disk with room for a result but not for its record, then one without room for the result (a tmpfs filled
	 * to leave that much; needs the right to mount): neither is named, each image fails with one sentence of ours
	 * (none of ImageJ's), the batch goes on; with room again, the next run does them all.
	 */
	@Test
	void aFullDiskNamesNeitherAResultNorItsRecord() throws Exception {
		final ColorProcessor ip = new ColorProcessor(96, 96);
		ip.setColor(java.awt.Color.ORANGE);
		ip.fill();
		for (int i = 0; i < 3; i++) // alike, so their results are the same size
			ChildRuns.save(new ImagePlus("i", ip), dir.resolve("same/img" + i + ".tif"));
		runs().folder("images", 3, 96); // their masks
		final ChildRuns.Child probe = runs.inpaint("same", "probe");
		assertEquals(0, probe.exit(), probe.stdout());
		final long pages = (Files.size(dir.resolve("probe/img0.tif")) + 4095) / 4096;
		final Path small = Files.createDirectory(dir.resolve("small"));
		assumeTrue(mount(small, "2m"), "cannot mount a small filesystem here");
		try {
			final long free = Files.getFileStore(small).getUsableSpace();
			final long claim = 4096; // the image's claim takes a page while it is done
			for (final long room : new long[] { claim + pages * 4096, claim + pages * 4096 / 2 }) {
				Files.write(small.resolve("filler"), new byte[(int) (free - room)]);
				final ChildRuns.Child full = runs.inpaint("same", "small");
				final String text = full.ownText();
				assertEquals(1, full.exit(), text);
				assertEquals(3, count(text, "failed"), text);
				assertTrue(text.contains(room == claim + pages * 4096 ? "error: img0.tif: the record img0.tif.json could not be written"
					: "error: img0.tif: the result"), text);
				assertEquals(List.of("filler"), names(small), "nothing named, nothing temporary left");
				Files.delete(small.resolve("filler"));
			}
			final ChildRuns.Child room = runs.inpaint("same", "small");
			assertEquals(0, room.exit(), room.ownText());
			allTrue(small, 3);
		}
		finally {
			unmount(small);
		}
	}

	@Test
	void aNameTheLocaleCannotEncodeIsOneLineAndTheBatchGoesOn() throws Exception {
		runs().folder("images", 3, 64);
		final Process cp = new ProcessBuilder("sh", "-c", "cp \"$1/images/img0.tif\" \"$1/images/caf$(printf '\\303\\251')" +
			".tif\" && cp \"$1/masks/img0.png\" \"$1/masks/caf$(printf '\\303\\251').png\"", "sh", dir.toString()).start();
		assertEquals(0, cp.waitFor());
		final ChildRuns.Child c = runs.start(List.of(), env -> {
			for (final String v : new String[] { "LANG", "LANGUAGE", "LC_ALL", "LC_CTYPE", "LC_MESSAGES" })
				env.remove(v); // as under cron, Slurm or a bare container
		}, "inpaint", dir.resolve("images").toString(), dir.resolve("masks").toString(), "-o", dir.resolve("out")
			.toString(), "--quiet", "--threads", "1");
		final String text = c.ownText();
		assertEquals(1, c.exit(), text);
		assertTrue(text.contains("3 inpainted, 0 skipped (already done), 1 failed, of 4 images"), text);
		assertEquals(1, text.lines().filter(l -> l.startsWith("error: caf") && l.contains("character encoding")).count(),
			text);
		allTrue(dir.resolve("out"), 3);
	}

	@Test
	void anImageTooLargeForTheHeapIsOneLineAndTheBatchGoesOn() throws Exception {
		runs().folder("images", 3, 64);
		final ColorProcessor big = new ColorProcessor(6000, 6000); // 144 MB in ImageJ; a smooth PNG of 1 MB
		for (int y = 0; y < 6000; y++)
			for (int x = 0; x < 6000; x++)
				big.set(x, y, (x * 255 / 6000) << 16 | (y * 255 / 6000) << 8);
		ChildRuns.save(new ImagePlus("big", big), dir.resolve("images/big.png"));
		ChildRuns.save(new ImagePlus("m", new ij.process.ByteProcessor(6000, 6000)), dir.resolve("masks/big.png"));
		final ChildRuns.Child c = runs.start(List.of("-Xmx256m"), null, "inpaint", dir.resolve("images").toString(), dir
			.resolve("masks").toString(), "-o", dir.resolve("out").toString(), "--quiet", "--threads", "1");
		final String text = c.ownText();
		assertEquals(1, c.exit(), text);
		assertTrue(text.contains("3 inpainted, 0 skipped (already done), 1 failed, of 4 images"), text);
		assertTrue(text.contains("error: big.png: it needs about "), text);
		assertTrue(text.contains("more than the 256 MB this run has"), text);
		allTrue(dir.resolve("out"), 3);
	}

	@Test
	void twoShardsAndAnUnshardedRunNeverComputeAnImageTwice() throws Exception {
		runs().folder("images", 12, 64);
		final ChildRuns.Child a = runs.inpaint("images", "out", "--shard", "0/2"), b = runs.inpaint("images", "out",
			"--shard", "1/2"), all = runs.inpaint("images", "out");
		int computed = 0;
		for (final ChildRuns.Child c : new ChildRuns.Child[] { a, b, all }) {
			final String text = c.ownText();
			assertEquals(0, c.exit(), text);
			assertFalse(text.contains("another run wrote this result first"), text);
			computed += count(text, "inpainted");
		}
		assertEquals(12, computed, "each image computed exactly once");
		allTrue(dir.resolve("out"), 12);
	}

	@Test
	void aTerminationSignalAtTheStartEndsWith143AndLeavesNothing() throws Exception {
		runs().folder("images", 3, 64);
		final ChildRuns.Child now = runs.inpaint("images", "out-now");
		now.process.destroy(); // SIGTERM at once: perhaps before Java reached our code, perhaps after
		assertEquals(BatchSummary.STOPPED_EXIT, now.exit(), now.stdout());
		now.ownText();
		assertEquals(List.of(), names(dir.resolve("out-now")));

		final ChildRuns.Child started = runs.inpaint("images", "out");
		while (started.process.isAlive() && !Files.isDirectory(dir.resolve("out")))
			Thread.onSpinWait(); // the run has started: it made its output folder, no image is done yet
		started.process.destroy();
		final String text = started.ownText();
		assertEquals(BatchSummary.STOPPED_EXIT, started.exit(), text);
		assertTrue(text.contains("stopped: finished results are kept"), text);
		allTrue(dir.resolve("out"), count(text, "inpainted"));
	}
}
