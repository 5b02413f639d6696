package org.misf.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import ij.IJ;
import ij.ImagePlus;
import ij.io.FileSaver;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import ij.process.ShortProcessor;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code inpaint} command on folders: resumable, never overwriting inputs, going on after bad files. */
class InpaintCliTest {

	@TempDir
	static Path tmp;

	private static Path images, masks;

	static final class Run {

		int code;
		String out, err;
	}

	static Run run(final String... args) {
		final ByteArrayOutputStream o = new ByteArrayOutputStream(), e = new ByteArrayOutputStream();
		final Run r = new Run();
		r.code = Main.run(Arrays.asList(args), new PrintStream(o, true), new PrintStream(e, true));
		r.out = new String(o.toByteArray(), StandardCharsets.UTF_8);
		r.err = new String(e.toByteArray(), StandardCharsets.UTF_8);
		return r;
	}

	private static void fillRandom(final ImageProcessor ip, final double max, final long seed) {
		final Random r = new Random(seed);
		for (int i = 0; i < ip.getPixelCount(); i++)
			ip.setf(i, (float) (r.nextDouble() * max));
	}

	@BeforeAll
	static void makeData() throws IOException {
		images = Files.createDirectories(tmp.resolve("images"));
		masks = Files.createDirectories(tmp.resolve("masks"));
		final ByteProcessor g8 = new ByteProcessor(64, 48);
		fillRandom(g8, 255, 1);
		new FileSaver(new ImagePlus("a", g8)).saveAsTiff(images.resolve("a_gray8.tif").toString());
		final ShortProcessor g16 = new ShortProcessor(64, 48);
		fillRandom(g16, 4000, 2);
		new FileSaver(new ImagePlus("b", g16)).saveAsTiff(images.resolve("b_gray16.tif").toString());
		final FloatProcessor f = new FloatProcessor(64, 48);
		fillRandom(f, 1, 3);
		new FileSaver(new ImagePlus("c", f)).saveAsTiff(images.resolve("c_float.tif").toString());
		final ColorProcessor rgb = new ColorProcessor(64, 48);
		final Random r = new Random(4);
		for (int i = 0; i < 64 * 48; i++)
			rgb.set(i, r.nextInt() & 0xffffff);
		new FileSaver(new ImagePlus("d", rgb)).saveAsPng(images.resolve("d_rgb.png").toString());
		Files.write(images.resolve("e_broken.png"), "not an image".getBytes(StandardCharsets.UTF_8));
		new FileSaver(new ImagePlus("f", g8)).saveAsTiff(images.resolve("f_nomask.tif").toString());
		for (final String name : new String[] { "a_gray8", "b_gray16", "c_float", "d_rgb", "e_broken" }) {
			final ByteProcessor m = new ByteProcessor(64, 48);
			m.setColor(255);
			m.fillRect(20, 10, 12, 9);
			new FileSaver(new ImagePlus(name, m)).saveAsPng(masks.resolve(name + (name.startsWith("a") ? "_mask.png"
				: ".png")).toString());
		}
	}

	/** The results in a folder (their provenance records, NAME.json, left out). */
	private static Set<String> names(final Path dir) throws IOException {
		try (Stream<Path> s = Files.list(dir)) {
			return s.map(p -> p.getFileName().toString()).filter(n -> !n.endsWith(".json")).collect(Collectors.toSet());
		}
	}

	@Test
	void batchIsResumableGoesOnAfterBadFilesAndChangesOnlyHoles() throws IOException {
		final Path out = tmp.resolve("out");
		final byte[] inputBefore = Files.readAllBytes(images.resolve("b_gray16.tif"));
		final Run first = run("inpaint", images.toString(), masks.toString(), "-o", out.toString(), "--quiet");
		assertEquals(1, first.code, first.err);
		assertTrue(first.out.contains("4 inpainted, 0 skipped (already done), 2 failed, of 6 images"), first.out);
		assertTrue(first.err.contains("error: e_broken.png:"), first.err);
		assertTrue(first.err.contains("error: f_nomask.tif: there is no matching mask."), first.err);
		assertEquals(1, lines(first.err).stream().filter(l -> l.contains("e_broken")).count(), "one line per bad file");
		assertEquals(new HashSet<>(Arrays.asList("a_gray8.tif", "b_gray16.tif", "c_float.tif", "d_rgb.png")), names(out));
		for (final String n : names(out)) { // each result has its provenance record
			final String record = new String(Files.readAllBytes(out.resolve(n + ".json")), StandardCharsets.UTF_8);
			assertTrue(record.contains("\"sha256\": \"" + org.misf.model.ModelPackage.sha256(out.resolve(n)) + "\""), record);
			assertTrue(record.contains("\"id\": \"" + org.misf.model.ModelPackage.DEFAULT_ID + "\""), record);
			assertTrue(record.contains("\"hole_pixels\": 108"), record); // the 12 x 9 hole
			assertTrue(record.contains("\"device\": \"cpu\""), record); // as users write it, not DJL's cpu()
		}
		assertArrayEquals(inputBefore, Files.readAllBytes(images.resolve("b_gray16.tif")), "inputs are never written");

		// types are kept and only the hole pixels differ
		for (final String n : new String[] { "a_gray8.tif", "b_gray16.tif", "c_float.tif", "d_rgb.png" }) {
			final ImagePlus in = IJ.openImage(images.resolve(n).toString());
			final ImagePlus res = IJ.openImage(out.resolve(n).toString());
			assertEquals(in.getBitDepth(), res.getBitDepth(), n);
			final ImageProcessor a = in.getProcessor(), b = res.getProcessor();
			int changedInHole = 0;
			for (int y = 0; y < 48; y++)
				for (int x = 0; x < 64; x++) {
					final boolean hole = x >= 20 && x < 32 && y >= 10 && y < 19;
					if (!hole) assertEquals(a.getPixel(x, y), b.getPixel(x, y), n + " " + x + "," + y);
					else if (a.getPixel(x, y) != b.getPixel(x, y)) changedInHole++;
				}
			assertTrue(changedInHole > 50, n + ": holes were filled (" + changedInHole + ")");
		}

		// second run: finished outputs are skipped, bad files are reported again
		final long mtime = Files.getLastModifiedTime(out.resolve("a_gray8.tif")).toMillis();
		final Run second = run("inpaint", images.toString(), masks.toString(), "-o", out.toString(), "--quiet");
		assertEquals(1, second.code);
		assertTrue(second.out.contains("0 inpainted, 4 skipped (already done), 2 failed"), second.out);
		assertEquals(mtime, Files.getLastModifiedTime(out.resolve("a_gray8.tif")).toMillis());
		try (Stream<Path> s = Files.list(out)) {
			assertFalse(s.anyMatch(p -> p.getFileName().toString().startsWith(".")), "no temporary files left");
		}
	}

	@Test
	void cancellingStopsTheBatchCleanlyAndALaterRunResumes() throws IOException {
		final Path out = tmp.resolve("cancelled");
		final Path good = Files.createDirectories(tmp.resolve("good-cancel"));
		for (final String n : new String[] { "a_gray8.tif", "b_gray16.tif", "c_float.tif" })
			Files.copy(images.resolve(n), good.resolve(n));
		final List<String> args = Arrays.asList(good.toString(), masks.toString(), "-o", out.toString(), "--quiet");
		final java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
		final ByteArrayOutputStream o = new ByteArrayOutputStream();
		// cancel once the first image has been started: it and the rest are left undone
		final List<String> line = new ArrayList<>(args);
		line.add(0, "inpaint");
		final int code = Main.run(line, new PrintStream(o, true), new PrintStream(new ByteArrayOutputStream(), true),
			() -> asked.incrementAndGet() > 1);
		final String summary = new String(o.toByteArray(), StandardCharsets.UTF_8);
		assertEquals(org.misf.batch.BatchSummary.STOPPED_EXIT, code, summary); // as a run stopped by SIGTERM
		assertTrue(summary.contains("stopped: finished results are kept"), summary);
		final Set<String> written = Files.isDirectory(out) ? names(out) : new HashSet<>();
		assertTrue(written.size() < 3, written.toString());
		assertTrue(written.stream().noneMatch(n -> n.contains(".tmp")), written.toString());
		final Run resumed = run("inpaint", good.toString(), masks.toString(), "-o", out.toString(), "--quiet");
		assertEquals(0, resumed.code, resumed.err);
		assertEquals(3, names(out).size());
	}

	@Test
	void shardsSplitTheFolderWithoutOverlap() throws IOException {
		final Path out = tmp.resolve("sharded");
		final Path good = Files.createDirectories(tmp.resolve("good"));
		for (final String n : new String[] { "a_gray8.tif", "b_gray16.tif", "c_float.tif", "d_rgb.png" })
			Files.copy(images.resolve(n), good.resolve(n));
		final Run s0 = run("inpaint", good.toString(), masks.toString(), "-o", out.toString(), "--shard", "0/2",
			"--quiet");
		assertEquals(0, s0.code, s0.err);
		assertEquals(new HashSet<>(Arrays.asList("a_gray8.tif", "c_float.tif")), names(out));
		final Run s1 = run("inpaint", good.toString(), masks.toString(), "-o", out.toString(), "--shard", "1/2",
			"--quiet");
		assertEquals(0, s1.code, s1.err);
		assertTrue(s1.out.contains("2 inpainted, 0 skipped"), s1.out);
		assertEquals(4, names(out).size());
	}

	@Test
	void singleImageAndUsageErrors() throws IOException {
		final Path out = tmp.resolve("single");
		final Run one = run("inpaint", images.resolve("d_rgb.png").toString(), masks.resolve("d_rgb.png").toString(),
			"-o", out.toString() + "/", "--quiet");
		assertEquals(0, one.code, one.err);
		assertTrue(Files.isRegularFile(out.resolve("d_rgb.png")));

		// the output would be an input: refused before anything is done
		final Run self = run("inpaint", images.toString(), masks.toString(), "-o", images.toString());
		assertEquals(2, self.code);
		assertTrue(self.err.contains("inputs are never overwritten"), self.err);
		final Run overwrite = run("inpaint", images.resolve("a_gray8.tif").toString(), masks.resolve("a_gray8_mask.png")
			.toString(), "-o", images.resolve("a_gray8.tif").toString());
		assertEquals(2, overwrite.code);
		assertEquals(2, run("inpaint", "--bogus").code);
		assertEquals(2, run("inpaint", images.toString(), masks.toString(), "-o", out.toString(), "--shard", "2/2").code);
		assertEquals(2, run("inpaint", images.toString(), masks.toString(), "-o", out.toString(), "--device",
			"tpu").code);
		assertEquals(2, run("nosuchcommand").code);
	}

	@Test
	void everyCommandsHelpIsGeneratedFromItsOptions() {
		final picocli.CommandLine cl = Main.commandLine(System.out, System.err, null);
		for (final picocli.CommandLine sub : cl.getSubcommands().values()) {
			final String name = sub.getCommandName();
			if (name.equals("help")) continue;
			final Run r = run(name, "--help");
			assertEquals(0, r.code, name + ": " + r.err);
			assertTrue(r.out.startsWith(sub.getCommandSpec().usageMessage().header()[0]), r.out);
			assertTrue(r.out.contains("Usage: MISF_Inpainting.jar " + name), r.out);
			for (final picocli.CommandLine.Model.OptionSpec o : sub.getCommandSpec().options())
				assertTrue(r.out.contains(o.longestName()) && !o.description()[0].isEmpty(), name + " " + o
					.longestName() + " not in its help: " + r.out);
		}
	}

	@Test
	void mainListsTheCommands() {
		final Run help = run("--help");
		assertEquals(0, help.code);
		for (final String c : new String[] { "inpaint", "bench", "selftest" })
			assertTrue(help.out.contains("  " + c + " "), help.out);
		final Run none = run();
		assertEquals(2, none.code);
		assertTrue(none.err.contains("inpaint"));
	}

	@Test
	void selftestReplaysTheDefaultPackage() {
		final Run r = run("selftest", "--device", "cpu");
		assertEquals(0, r.code, r.err);
		assertTrue(lines(r.out).get(0).contains("max abs diff") && lines(r.out).get(0).endsWith("OK"), r.out);
		assertTrue(r.out.contains("Plain grounds") && r.out.contains("white paper"), r.out); // reported for every model
	}

	static List<String> lines(final String s) {
		return Arrays.asList(s.split("\\R"));
	}
}
