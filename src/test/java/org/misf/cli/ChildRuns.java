package org.misf.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import ij.ImagePlus;
import ij.io.FileSaver;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;

/**
 * Commands run as a user runs them, in child JVMs of their own (heap, environment, signals), with what they print
 * kept in files (a killed child's pipes close); and the folders of images and masks they work on.
 */
final class ChildRuns {

	/** What no run may print: a library's own text or a stack trace. */
	private static final Pattern FOREIGN = Pattern.compile(
		"NNPACK|An error occured|I/O error|IIOException|Exception|OutOfMemory|\tat |SLF4J");

	private final Path dir;

	ChildRuns(final Path dir) {
		this.dir = dir;
	}

	/** One child JVM: its process and where its output goes. */
	static final class Child {

		final Process process;
		private final Path out, err;

		Child(final Process process, final Path out, final Path err) {
			this.process = process;
			this.out = out;
			this.err = err;
		}

		/** Waits for the end; the exit code. */
		int exit() throws InterruptedException {
			assertTrue(process.waitFor(300, TimeUnit.SECONDS), "the run did not end");
			return process.exitValue();
		}

		String stdout() throws Exception {
			exit();
			return new String(Files.readAllBytes(out), StandardCharsets.UTF_8);
		}

		String stderr() throws Exception {
			exit();
			return new String(Files.readAllBytes(err), StandardCharsets.UTF_8);
		}

		/** Both, after checking that neither holds a library's text or a stack trace. */
		String ownText() throws Exception {
			final String all = stdout() + stderr();
			final Matcher m = FOREIGN.matcher(all);
			assertFalse(m.find(), "a library's text or a stack trace reached the user:\n" + all);
			return all;
		}
	}

	/** Starts {@code Main} with {@code args}; {@code jvm} options first; {@code env} may change the environment. */
	Child start(final List<String> jvm, final Consumer<Map<String, String>> env, final String... args)
		throws IOException
	{
		final List<String> cmd = new ArrayList<>(List.of(System.getProperty("java.home") + File.separator + "bin" +
			File.separator + "java"));
		cmd.addAll(jvm);
		if (System.getProperty("misf.cache") != null) cmd.add("-Dmisf.cache=" + System.getProperty("misf.cache"));
		cmd.addAll(Arrays.asList("-cp", System.getProperty("java.class.path"), Main.class.getName()));
		cmd.addAll(Arrays.asList(args));
		final long id = System.nanoTime();
		final Path out = dir.resolve("stdout-" + id + ".txt"), err = dir.resolve("stderr-" + id + ".txt");
		final ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
		if (env != null) env.accept(pb.environment());
		return new Child(pb.start(), out, err);
	}

	/** {@code inpaint IN MASKS -o OUT --quiet --threads 1 [extra]} in a child JVM. */
	Child inpaint(final String in, final String out, final String... extra) throws IOException {
		final List<String> args = new ArrayList<>(Arrays.asList("inpaint", dir.resolve(in).toString(), dir.resolve(
			"masks").toString(), "-o", dir.resolve(out).toString(), "--quiet", "--threads", "1"));
		args.addAll(Arrays.asList(extra));
		return start(List.of(), null, args.toArray(new String[0]));
	}

	/** {@code n} RGB images of {@code side} px with one small hole each, in IN/ and masks/, named img0... */
	void folder(final String in, final int n, final int side) {
		final Random r = new Random(n);
		for (int i = 0; i < n; i++) {
			final ColorProcessor ip = new ColorProcessor(side, side);
			for (int p = 0; p < ip.getPixelCount(); p++)
				ip.set(p, r.nextInt(1 << 24));
			final ByteProcessor m = new ByteProcessor(side, side);
			m.setRoi(side / 2, side / 2, 6, 6);
			m.setValue(255);
			m.fill();
			save(new ImagePlus("i", ip), dir.resolve(in + "/img" + i + ".tif"));
			save(new ImagePlus("m", m), dir.resolve("masks/img" + i + ".png"));
		}
	}

	static void save(final ImagePlus imp, final Path p) {
		try {
			Files.createDirectories(p.getParent());
		}
		catch (final IOException e) {
			throw new IllegalStateException(e);
		}
		final FileSaver s = new FileSaver(imp);
		assertTrue(p.toString().endsWith(".png") ? s.saveAsPng(p.toString()) : s.saveAsTiff(p.toString()));
	}

	/** The names in a folder, hidden ones (temporary files, claims) included, sorted. */
	static List<String> names(final Path folder) throws IOException {
		if (!Files.isDirectory(folder)) return new ArrayList<>();
		try (Stream<Path> s = Files.list(folder)) {
			return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
		}
	}

	/** The number before {@code what} in a summary line ("3 inpainted"). */
	static int count(final String out, final String what) {
		final Matcher m = Pattern.compile("(\\d+) " + Pattern.quote(what)).matcher(out);
		assertTrue(m.find(), "no '" + what + "' in: " + out);
		return Integer.parseInt(m.group(1));
	}
}
