package org.misf.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import ij.IJ;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.misf.batch.ResultWriter;

/**
 * The -spark jar on separate executor JVMs: {@code java -jar ...-spark.jar inpaint ... --master
 * local-cluster[2,1,1024]} starts a standalone master and two workers inside the driver, each worker an executor
 * JVM of its own. One executor is killed (-9) while it writes a result; the master starts another, Spark runs the
 * lost task again, and the job completes with the plain command line's pixels, every result written once and no
 * temporary file left. local-cluster needs a Spark home for the workers: an empty folder with {@code jars/} and
 * the Scala version in the environment does (the executors' classes come from the -spark jar's class path).
 */
@Tag("packaged")
@Tag("slow")
class SparkClusterTest {

	private static final Pattern TEMP = Pattern.compile("^\\..+\\.tmp-(\\d+)(?:@\\w+)?(?:\\+[0-9a-z]+)?\\.[a-z]+$");

	@TempDir
	Path dir;

	static Path sparkJar() throws IOException {
		try (Stream<Path> s = Files.list(Paths.get("target"))) {
			return s.filter(p -> p.getFileName().toString().matches("MISF_Inpainting-.*-spark\\.jar")).findFirst()
				.orElseThrow(() -> new AssertionError("target/MISF_Inpainting-*-spark.jar is missing: run mvn package"));
		}
	}

	@Test
	void anExecutorKilledWhileWritingLosesNothingAndWritesNothingTwice() throws Exception {
		final Path in = Files.createDirectories(dir.resolve("in")), masks = Files.createDirectories(dir.resolve("masks"));
		final Path out = dir.resolve("out"), home = Files.createDirectories(dir.resolve("spark-home/jars")).getParent();
		SparkInpaintTest.folder(in, masks, 12);
		final ProcessBuilder pb = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
			"-jar", sparkJar().toAbsolutePath().toString(), "inpaint", in.toString(), masks.toString(), "-o", out
				.toString(), "--threads", "1", "--quiet", "--master", "local-cluster[2,1,1024]").redirectErrorStream(true)
			.redirectOutput(dir.resolve("driver.log").toFile());
		pb.environment().put("SPARK_HOME", home.toString());
		pb.environment().put("SPARK_SCALA_VERSION", "2.12");
		final Process driver = pb.start();
		long killed = -1;
		try {
			while (killed < 0 && driver.isAlive()) {
				killed = killWriter(driver, out);
				Thread.sleep(20);
			}
			assertTrue(killed > 0, "the job ended before an executor wrote: " + log());
			assertTrue(driver.waitFor(300, TimeUnit.SECONDS), "the job did not end: " + log());
		}
		finally {
			driver.descendants().forEach(ProcessHandle::destroyForcibly);
			driver.destroyForcibly();
		}
		assertEquals(0, driver.exitValue(), log());
		// 12 computed; or 11 and 1 found done, when the kill came after the killed executor had named its result (between
		// naming it and removing the temporary name): either way every image once, which the names and pixels below check
		final Matcher summary = Pattern.compile("(\\d+) inpainted, (\\d+) skipped \\(already done\\), 0 failed, of 12 images")
			.matcher(log());
		assertTrue(summary.find(), log());
		final int done = Integer.parseInt(summary.group(1)), found = Integer.parseInt(summary.group(2));
		assertTrue(done + found == 12 && found <= 1, log());
		assertTrue(executorsStarted(home) >= 3, "a new executor replaced the killed one: " + executorsStarted(home));
		final String[] cli = SparkInpaintTest.run(false, "inpaint", in.toString(), masks.toString(), "-o", dir.resolve(
			"cli").toString(), "--threads", "1");
		assertEquals("0", cli[0], cli[2]);
		final List<String> all = SparkInpaintTest.names(out);
		final long pid = killed; // a temporary of the killed executor may remain, as after a killed CLI: the next run removes it
		final List<String> names = all.stream().filter(n -> !isTempOf(n, pid)).collect(Collectors.toList());
		assertTrue(all.size() - names.size() <= 1, all.toString());
		assertEquals(SparkInpaintTest.names(dir.resolve("cli")), names, "each result and record once, no other temporary");
		for (final String name : names)
			if (!name.endsWith(".json")) assertNull(ResultWriter.differs(IJ.openImage(dir.resolve("cli/" + name)
				.toString()), IJ.openImage(out.resolve(name).toString())), name);
	}

	private static boolean isTempOf(final String name, final long pid) {
		final Matcher m = TEMP.matcher(name);
		return m.matches() && Long.parseLong(m.group(1)) == pid;
	}

	/** Kills the executor writing a temporary result in {@code out}, if one is; its pid, or -1. */
	private static long killWriter(final Process driver, final Path out) throws IOException {
		if (!Files.isDirectory(out)) return -1;
		final List<Long> writers;
		try (Stream<Path> s = Files.list(out)) {
			writers = s.map(p -> TEMP.matcher(p.getFileName().toString())).filter(Matcher::matches).map(m -> Long
				.parseLong(m.group(1))).collect(Collectors.toList());
		}
		for (final long pid : writers) {
			final Optional<ProcessHandle> executor = driver.descendants().filter(p -> p.pid() == pid && p.info()
				.commandLine().orElse("").contains("CoarseGrainedExecutorBackend")).findFirst();
			if (executor.isPresent() && executor.get().destroyForcibly()) return pid;
		}
		return -1;
	}

	/** The executors the workers started (one folder each in the workers' work folder). */
	private static long executorsStarted(final Path home) throws IOException {
		final Path work = home.resolve("work");
		assertNotNull(work);
		try (Stream<Path> apps = Files.list(work)) {
			long n = 0;
			for (final Path app : apps.collect(Collectors.toList()))
				try (Stream<Path> e = Files.list(app)) {
					n += e.filter(Files::isDirectory).count();
				}
			return n;
		}
	}

	private String log() {
		try {
			return new String(Files.readAllBytes(dir.resolve("driver.log")), StandardCharsets.UTF_8);
		}
		catch (final IOException e) {
			return "(no log: " + e + ")";
		}
	}
}
