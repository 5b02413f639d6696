package org.misf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import ij.IJ;
import ij.ImagePlus;
import ij.io.FileSaver;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;

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

	/** {@code n} RGB images of {@code side} px with one small hole each, in images/ and masks/. */
	private void folder(final int n, final int side) {
		final Random r = new Random(n);
		for (int i = 0; i < n; i++) {
			final ColorProcessor ip = new ColorProcessor(side, side);
			for (int p = 0; p < ip.getPixelCount(); p++)
				ip.set(p, r.nextInt(1 << 24));
			final ByteProcessor m = new ByteProcessor(side, side);
			m.setRoi(side / 2, side / 2, 6, 6);
			m.setValue(255);
			m.fill();
			save(new ImagePlus("i", ip), dir.resolve("images/img" + i + ".tif"));
			save(new ImagePlus("m", m), dir.resolve("masks/img" + i + ".png"));
		}
	}

	private static void save(final ImagePlus imp, final Path p) {
		try {
			Files.createDirectories(p.getParent());
		}
		catch (final IOException e) {
			throw new IllegalStateException(e);
		}
		final FileSaver s = new FileSaver(imp);
		assertTrue(p.toString().endsWith(".png") ? s.saveAsPng(p.toString()) : s.saveAsTiff(p.toString()));
	}

	private Process start(final String... extra) throws IOException {
		final List<String> cmd = new ArrayList<>(Arrays.asList(System.getProperty("java.home") + File.separator + "bin" +
			File.separator + "java", "-cp", System.getProperty("java.class.path"), Main.class.getName(), "inpaint", dir
				.resolve("images").toString(), dir.resolve("masks").toString(), "-o", dir.resolve("out").toString(),
			"--quiet", "--threads", "1"));
		cmd.addAll(Arrays.asList(extra));
		final Path log = dir.resolve("out-" + System.nanoTime() + ".txt");
		final Process p = new ProcessBuilder(cmd).redirectError(dir.resolve("err-" + System.nanoTime() + ".txt").toFile())
			.redirectOutput(log.toFile()).start();
		logs.put(p, log);
		return p;
	}

	private final java.util.Map<Process, Path> logs = new java.util.HashMap<>();

	/** What the run printed on stdout, once it has ended (a file: destroy() closes a child's pipes). */
	private String stdout(final Process p) throws Exception {
		assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the run did not end");
		return new String(Files.readAllBytes(logs.get(p)), StandardCharsets.UTF_8);
	}

	private List<String> outputs() throws IOException {
		if (!Files.isDirectory(dir.resolve("out"))) return new ArrayList<>();
		return Files.list(dir.resolve("out")).map(p -> p.getFileName().toString()).filter(n -> !n.endsWith(".json"))
			.sorted().collect(Collectors.toList()); // results and temporary files; provenance records left out
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

	private static int count(final String out, final String what) {
		final Matcher m = Pattern.compile("(\\d+) " + what).matcher(out);
		assertTrue(m.find(), "no '" + what + "' in: " + out);
		return Integer.parseInt(m.group(1));
	}

	@Test
	@Tag("slow")
	void twoRunsAtOnceWriteEachResultExactlyOnce() throws Exception {
		folder(10, 96);
		final Process a = start(), b = start("--dilate", "3");
		final String outA = stdout(a), outB = stdout(b);
		assertEquals(0, a.exitValue(), outA);
		assertEquals(0, b.exitValue(), outB);
		assertEquals(10, count(outA, "inpainted") + count(outB, "inpainted"), "each result written once:\n" + outA + outB);
		assertEquals(10, outputs().size(), outputs().toString());
		checkWhole(96);
	}

	@Test
	@Tag("slow")
	void aTerminationSignalKeepsFinishedResultsAndPrintsTheSummary() throws Exception {
		folder(30, 256);
		final Process p = start();
		while (outputs().stream().filter(n -> !n.startsWith(".")).count() < 2 && p.isAlive()) // two finished results
			Thread.sleep(20);
		p.destroy(); // SIGTERM, as a Slurm time limit sends
		final String out = stdout(p);
		assertEquals(143, p.exitValue(), out);
		assertTrue(out.contains("stopped: finished results are kept"), out);
		final int done = count(out, "inpainted");
		assertTrue(done >= 2 && done < 30, out);
		assertEquals(done, outputs().size(), "no temporary file is left: " + outputs());
		checkWhole(256);
		final Process again = start();
		final String rest = stdout(again);
		assertEquals(0, again.exitValue(), rest);
		assertEquals(done, count(rest, "skipped"), rest);
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
			final Process p = start();
			while (!caught && p.isAlive()) { // woken by each new file (the 1 s only notices the end of the run)
				final WatchKey key = watcher.poll(1, TimeUnit.SECONDS);
				if (key == null) continue;
				for (final WatchEvent<?> e : key.pollEvents()) {
					final String name = String.valueOf(e.context());
					caught |= name.startsWith(".") && name.contains(".tmp-");
				}
				if (caught) p.destroyForcibly(); // kill -9, as the first result is being written
				key.reset();
			}
			p.waitFor(60, TimeUnit.SECONDS);
		}
		assertTrue(caught, "the run ended before a write could be interrupted");
		final long finished = outputs().stream().filter(n -> !n.startsWith(".")).count();
		checkWhole(1500); // the interrupted result is only ever under its hidden temporary name
		final Process again = start();
		final String rest = stdout(again);
		assertEquals(0, again.exitValue(), rest);
		assertEquals(finished, count(rest, "skipped"), rest);
		assertEquals(6, outputs().size(), "all results, no temporary file: " + outputs());
	}
}
