package org.misf.imagej;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs the real ImageJ 1.x ({@code ij.jar} from Maven Central, as copied to {@code target/lib} by the
 * package phase) with the packaged plugin jar in a fresh plugins folder, under Xvfb: ImageJ 1.x needs a
 * display even for {@code -batch} (its menu bar). Tests using it are skipped, with a message, only when
 * {@code xvfb-run} is absent; a missing plugin jar is a failure (run {@code mvn package} first).
 */
final class ImageJ1Runner {

	final Path root;
	final Path ijJar;

	/** The output of one run. */
	static final class Run {
		final int exitCode;
		final String output;

		Run(final int exitCode, final String output) {
			this.exitCode = exitCode;
			this.output = output;
		}
	}

	private ImageJ1Runner(final Path root, final Path ijJar) {
		this.root = root;
		this.ijJar = ijJar;
	}

	static void assumeXvfb() {
		assumeTrue(onPath("xvfb-run"), "xvfb-run is not installed: skipping the tests that run the real ImageJ 1.x " +
			"(install the Debian package xvfb to run them)");
	}

	static boolean onPath(final String program) {
		for (final String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
			if (Files.isExecutable(Paths.get(dir, program))) return true;
		return false;
	}

	/** A plugins folder with the plugin jar in plugins/ and its runtime dependencies in plugins/jars/. */
	static ImageJ1Runner create(final Path root) throws IOException {
		assumeXvfb();
		final Path target = Paths.get("target").toAbsolutePath();
		final Path lib = target.resolve("lib");
		final Path jar = pluginJar(target);
		assertNotNull(jar, "target/MISF_Inpainting-*.jar is missing: run 'mvn package' (or 'mvn verify') first");
		Path ij = null;
		final Path plugins = Files.createDirectories(root.resolve("plugins"));
		final Path jars = Files.createDirectories(plugins.resolve("jars"));
		Files.copy(jar, plugins.resolve(jar.getFileName()));
		try (Stream<Path> files = Files.list(lib)) {
			for (final Path p : (Iterable<Path>) files::iterator) {
				final String name = p.getFileName().toString();
				if (name.startsWith("ij-") && name.endsWith(".jar")) ij = p;
				else if (name.endsWith(".jar")) Files.copy(p, jars.resolve(name));
			}
		}
		assertNotNull(ij, "target/lib holds no ij-*.jar");
		return new ImageJ1Runner(root, ij);
	}

	/**
	 * A fresh plain ImageJ: {@code ij.jar} (from target/lib) and nothing else but the install bundle
	 * {@code target/MISF_Inpainting-*-imagej.zip} unzipped into it, as a user would.
	 */
	static ImageJ1Runner fromBundle(final Path root) throws IOException {
		assumeXvfb();
		final Path target = Paths.get("target").toAbsolutePath();
		Path zip = null, ij = null;
		try (Stream<Path> files = Files.list(target)) {
			for (final Path p : (Iterable<Path>) files::iterator)
				if (p.getFileName().toString().matches("MISF_Inpainting-.*-imagej\\.zip")) zip = p;
		}
		try (Stream<Path> files = Files.list(target.resolve("lib"))) {
			for (final Path p : (Iterable<Path>) files::iterator)
				if (p.getFileName().toString().matches("ij-.*\\.jar")) ij = p;
		}
		assertNotNull(zip, "target/MISF_Inpainting-*-imagej.zip is missing: run 'mvn package' first");
		assertNotNull(ij, "target/lib holds no ij-*.jar");
		Files.createDirectories(root);
		final Path ijCopy = Files.copy(ij, root.resolve("ij.jar"));
		try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(Files.newInputStream(zip))) {
			for (java.util.zip.ZipEntry e; (e = in.getNextEntry()) != null;) {
				final Path out = root.resolve(e.getName()).normalize();
				if (!out.startsWith(root)) throw new IOException("entry outside: " + e.getName());
				if (e.isDirectory()) Files.createDirectories(out);
				else {
					Files.createDirectories(out.getParent());
					Files.copy(in, out);
				}
			}
		}
		return new ImageJ1Runner(root, ijCopy);
	}

	private static Path pluginJar(final Path target) throws IOException {
		try (Stream<Path> files = Files.list(target)) {
			return files.filter(p -> {
				final String n = p.getFileName().toString();
				return n.startsWith("MISF_Inpainting-") && n.endsWith(".jar") && !n.endsWith("-sources.jar") && !n
					.endsWith("-tests.jar") && !n.endsWith("-javadoc.jar") && !n.endsWith("-spark.jar");
			}).findFirst().orElse(null);
		}
	}

	/** {@code xvfb-run -a java -Dplugins.dir=<root> -jar ij.jar -batch <macro> <argument>}. */
	Run batch(final Path macro, final String argument) throws IOException, InterruptedException {
		return batch(macro, argument, 540);
	}

	/** The same, failing when ImageJ has not ended within {@code seconds}. */
	Run batch(final Path macro, final String argument, final int seconds) throws IOException, InterruptedException {
		return run(Arrays.asList("java", "-Xmx2g", "-Dplugins.dir=" + root, "-jar", ijJar.toString(), "-batch", macro
			.toAbsolutePath().toString(), argument), seconds);
	}

	/**
	 * What keeps a child JVM off the user's own folders: the default package unpacked from the jar goes into this
	 * run's folder, not ~/.cache/misf, and SciJava's remembered parameters into it, not ~/.java.
	 */
	private List<String> isolated() {
		return Arrays.asList("-Dmisf.cache=" + root.resolve("misf-cache"), "-Djava.util.prefs.userRoot=" + root.resolve(
			"prefs"));
	}

	/** Runs a command under Xvfb with the working directory {@code root}; output and error together. */
	Run run(final List<String> command) throws IOException, InterruptedException {
		return run(command, 540);
	}

	/** Runs a command under Xvfb on a screen of {@code screen} (e.g. "1280x1024x24": xvfb-run's own is 640x480x8). */
	Run runOnScreen(final List<String> command, final String screen) throws IOException, InterruptedException {
		return run(command, 540, screen);
	}

	private Run run(final List<String> command, final int seconds) throws IOException, InterruptedException {
		return run(command, seconds, null);
	}

	private Run run(final List<String> command, final int seconds, final String screen) throws IOException,
		InterruptedException
	{
		final List<String> full = new ArrayList<>(Arrays.asList("xvfb-run", "-a"));
		if (screen != null) full.addAll(Arrays.asList("-s", "-screen 0 " + screen));
		full.addAll(command);
		if (command.get(0).equals("java")) full.addAll(full.size() - command.size() + 1, isolated());
		final Path log = Files.createTempFile(root, "run", ".log");
		final Process p = new ProcessBuilder(full).directory(root.toFile()).redirectErrorStream(true).redirectOutput(log
			.toFile()).start();
		if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
			p.descendants().forEach(ProcessHandle::destroyForcibly);
			p.destroyForcibly();
			throw new AssertionError("ImageJ did not finish within " + seconds + " s: " + new String(Files.readAllBytes(
				log), StandardCharsets.UTF_8));
		}
		final String out = new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
		System.out.println("[" + String.join(" ", command.subList(0, Math.min(3, command.size()))) + " ...]\n" + out);
		return new Run(p.exitValue(), out);
	}
}
