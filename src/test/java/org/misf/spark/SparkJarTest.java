package org.misf.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What {@code mvn package} writes for Spark: the -spark jar starts SparkMain with every jar of its Class-Path
 * beside it (lib/ and spark-lib/) and opens what Spark needs on Java 17; the plugin jar and the Fiji and ImageJ
 * bundles carry neither Spark nor org.misf.spark.
 */
@Tag("packaged")
class SparkJarTest {

	private static List<Path> target(final String regex) throws IOException {
		try (Stream<Path> s = Files.list(Paths.get("target"))) {
			return s.filter(p -> p.getFileName().toString().matches(regex)).collect(Collectors.toList());
		}
	}

	@Test
	void theSparkJarNamesItsLibrariesAndNothingElseCarriesSpark() throws IOException {
		final Path spark = SparkClusterTest.sparkJar();
		try (JarFile jar = new JarFile(spark.toFile())) {
			final Attributes a = jar.getManifest().getMainAttributes();
			assertEquals(SparkMain.class.getName(), a.getValue("Main-Class"));
			assertTrue(a.getValue("Add-Opens").contains("java.base/sun.nio.ch"), a.getValue("Add-Opens"));
			final String[] cp = a.getValue("Class-Path").split(" ");
			assertTrue(Stream.of(cp).anyMatch(e -> e.matches("spark-lib/spark-core_2\\.12-3\\.5\\.9\\.jar")));
			assertTrue(Stream.of(cp).anyMatch(e -> e.startsWith("lib/pytorch-engine")));
			for (final String e : cp)
				assertTrue(Files.isRegularFile(spark.resolveSibling(e)), e + " is not beside the jar");
			assertTrue(jar.getEntry("org/misf/spark/SparkRunner.class") != null);
		}
		final List<Path> plugin = target("MISF_Inpainting-[^-]*-SNAPSHOT\\.jar|MISF_Inpainting-[0-9.]+\\.jar");
		assertEquals(1, plugin.size(), plugin.toString());
		try (JarFile jar = new JarFile(plugin.get(0).toFile())) {
			assertTrue(jar.stream().noneMatch(e -> e.getName().startsWith("org/misf/spark/")), "the plugin jar has no Spark code");
		}
		final List<Path> bundles = target("MISF_Inpainting-.*-(fiji|imagej)\\.zip");
		assertEquals(2, bundles.size(), bundles.toString());
		for (final Path zip : bundles)
			try (ZipFile z = new ZipFile(zip.toFile())) {
				assertTrue(z.stream().noneMatch(e -> e.getName().matches(".*/(spark-|scala-|hadoop-).*")), zip + " has Spark");
			}
		try (Stream<Path> lib = Files.list(Paths.get("target/lib"))) {
			assertTrue(lib.noneMatch(p -> p.getFileName().toString().matches("(spark-|scala-|hadoop-).*")), "lib/ has Spark");
		}
	}
}
