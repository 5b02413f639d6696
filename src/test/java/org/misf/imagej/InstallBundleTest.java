package org.misf.imagej;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The install bundles that {@code mvn package} writes: the plain-ImageJ zip unzipped into a fresh ImageJ runs a
 * macro and the command line on its own jars; the Fiji zip holds our jar in plugins/ and, in jars/, DJL with the
 * CPU natives of the three platforms it supports and nothing Fiji already has.
 */
@Tag("packaged") // reads the install bundles of the package phase
class InstallBundleTest {

	@TempDir
	Path dir;

	@Test
	@Tag("slow")
	void thePlainImageJBundleRunsAMacroAndTheCommandLine() throws Exception {
		final Path imagej = dir.resolve("ImageJ");
		final ImageJ1Runner ij = ImageJ1Runner.fromBundle(imagej);
		final Path in = Paths.get("examples/mural.png").toAbsolutePath();
		final Path mask = Paths.get("examples/mural_mask.png").toAbsolutePath();
		final Path out = dir.resolve("macro-out.png");
		final ImageJ1Runner.Run macro = ij.batch(Paths.get("macros/inpaint_with_mask.ijm"), "input=[" + in + "] mask=[" +
			mask + "] output=[" + out + "]");
		assertEquals(0, macro.exitCode, macro.output);
		assertTrue(Files.size(out) > 1000, macro.output);
		// the command line from the unpacked ImageJ alone: ij.jar, plugins/ and plugins/jars/
		final String cp = String.join(java.io.File.pathSeparator, imagej.resolve("ij.jar").toString(), imagej.resolve(
			"plugins/*").toString(), imagej.resolve("plugins/jars/*").toString());
		final ImageJ1Runner.Run cli = ij.run(Arrays.asList("java", "-cp", cp, "org.misf.cli.Main", "inpaint", in
			.toString(), mask.toString(), "-o", dir.resolve("cli-out.png").toString(), "--quiet"));
		assertEquals(0, cli.exitCode, cli.output);
		assertTrue(cli.output.startsWith("1 inpainted"), "nothing but the summary: " + cli.output);
	}

	@Test
	void theFijiBundleHoldsOurJarAndWhatFijiLacks() throws IOException {
		final Path target = Paths.get("target").toAbsolutePath();
		final Path zip;
		try (java.util.stream.Stream<Path> s = Files.list(target)) {
			zip = s.filter(p -> p.getFileName().toString().matches("MISF_Inpainting-.*-fiji\\.zip")).findFirst().orElseThrow(
				() -> new AssertionError("target/MISF_Inpainting-*-fiji.zip is missing: run 'mvn package' first"));
		}
		final List<String> names;
		try (ZipFile z = new ZipFile(zip.toFile())) {
			names = z.stream().filter(e -> !e.isDirectory()).map(e -> e.getName()).sorted().collect(Collectors.toList());
		}
		assertEquals(1, names.stream().filter(n -> n.startsWith("plugins/")).count(), names.toString());
		assertTrue(names.stream().anyMatch(n -> n.matches("plugins/MISF_Inpainting-[^/]*\\.jar") && !n.contains(
			"sources")), names.toString());
		for (final String platform : new String[] { "linux-x86_64", "win-x86_64", "osx-aarch64" })
			assertTrue(names.stream().anyMatch(n -> n.matches("jars/pytorch-native-cpu-.*-" + platform + "\\.jar")), platform);
		assertTrue(names.stream().anyMatch(n -> n.matches("jars/picocli-[0-9.]*\\.jar")), "the command line's picocli");
		for (final String tiff : new String[] { "imageio-tiff", "imageio-core", "imageio-metadata", "common-lang",
			"common-io", "common-image" })
			assertTrue(names.stream().anyMatch(n -> n.matches("jars/" + tiff + "-[0-9.]*\\.jar")), "walls' TIFF " + tiff);
		for (final String fijiHas : new String[] { "ij-", "imglib2-", "scijava-common-", "slf4j-" })
			assertTrue(names.stream().noneMatch(n -> n.startsWith("jars/" + fijiHas)), fijiHas + " is Fiji's own");
	}
}
