package org.misf.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import ij.IJ;
import ij.ImagePlus;
import ij.process.ByteProcessor;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.misf.batch.ResultWriter;
import org.misf.batch.WallFixtures;
import org.misf.cli.Main;

/**
 * The -spark jar's {@code inpaint --master local[2]} (Spark embedded in this JVM, two task slots) against the plain
 * command line on the same inputs: a folder of images (one task each) and a tiled TIFF of two blocks (one task per
 * block): the same pixels, the same summary, records, and a second run that redoes nothing.
 */
class SparkInpaintTest {

	@TempDir
	Path dir;

	/** Runs a command line of {@code main} (Main or SparkMain); {exit code, standard output, standard error}. */
	static String[] run(final boolean spark, final String... args) {
		final ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
		final List<String> all = new ArrayList<>(List.of(args));
		all.add("--quiet");
		final PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8), e = new PrintStream(err, true,
			StandardCharsets.UTF_8);
		final int code = spark ? SparkMain.run(all, o, e) : Main.run(all, o, e);
		return new String[] { Integer.toString(code), out.toString(StandardCharsets.UTF_8), err.toString(
			StandardCharsets.UTF_8) };
	}

	/** The summary line without its time. */
	static String counts(final String out) {
		return out.trim().replaceAll(" in [0-9.]+ s", "");
	}

	static List<String> names(final Path folder) throws IOException {
		try (Stream<Path> s = Files.list(folder)) {
			return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
		}
	}

	/** Small pictures (RGB and 16-bit gray) with spots, and their masks. */
	static void folder(final Path in, final Path masks, final int n) throws IOException {
		for (int i = 0; i < n; i++) {
			final ImagePlus pic = WallFixtures.picture(96 + 8 * i, 80, i % 3 == 2, i);
			final ByteProcessor m = new ByteProcessor(96 + 8 * i, 80);
			m.setValue(255);
			m.fillOval(20 + i, 20, 14, 10);
			m.fillRect(60, 50 + i % 5, 24, 3);
			WallFixtures.save(pic, in.resolve("p" + i + (i % 3 == 2 ? ".tif" : ".png")));
			WallFixtures.save(new ImagePlus("m", m), masks.resolve("p" + i + ".png"));
		}
	}

	@Test
	@Tag("slow")
	void aFolderAsSparkTasksGivesTheCommandLinesPixelsAndResumes() throws IOException {
		final Path in = Files.createDirectories(dir.resolve("in")), masks = Files.createDirectories(dir.resolve("masks"));
		folder(in, masks, 5);
		final String[] cli = run(false, "inpaint", in.toString(), masks.toString(), "-o", dir.resolve("cli").toString());
		final String[] spark = run(true, "inpaint", in.toString(), masks.toString(), "-o", dir.resolve("spark")
			.toString(), "--master", "local[2]");
		assertEquals("0", spark[0], spark[2]);
		assertEquals("5 inpainted, 0 skipped (already done), 0 failed, of 5 images.", counts(spark[1]), spark[2]);
		assertEquals(counts(cli[1]), counts(spark[1]));
		assertEquals(names(dir.resolve("cli")), names(dir.resolve("spark")), "results and records, nothing else");
		for (final String name : names(dir.resolve("cli")))
			if (!name.endsWith(".json")) assertNull(ResultWriter.differs(IJ.openImage(dir.resolve("cli/" + name)
				.toString()), IJ.openImage(dir.resolve("spark/" + name).toString())), name);
		final String again = run(true, "inpaint", in.toString(), masks.toString(), "-o", dir.resolve("spark")
			.toString(), "--master", "local[2]")[1];
		assertEquals("0 inpainted, 5 skipped (already done), 0 failed, of 5 images.", counts(again));
	}

	@Test
	@Tag("slow")
	void aWallsBlocksAsSparkTasksGiveTheCommandLinesResult() throws IOException {
		final ImagePlus pic = WallFixtures.picture(2600, 300, false, 4);
		final Path image = dir.resolve("in/wall.tif"), mask = dir.resolve("in/wall_mask.tif");
		WallFixtures.tiledTiff(pic, image, 128, true);
		WallFixtures.tiledTiff(new ImagePlus("m", WallFixtures.mask(2600, 300, 5, 60)), mask, 256, true);
		final String[] cli = run(false, "inpaint", image.toString(), mask.toString(), "-o", dir.resolve("cli/")
			.toString() + "/");
		final String[] spark = run(true, "inpaint", image.toString(), mask.toString(), "-o", dir.resolve("spark/")
			.toString() + "/", "--master", "local[2]");
		assertEquals("0", spark[0], spark[2]);
		assertEquals(counts(cli[1]), counts(spark[1]));
		assertTrue(spark[1].startsWith("1 inpainted"), spark[1] + spark[2]);
		assertEquals(List.of("wall.tif", "wall.tif.json"), names(dir.resolve("spark")), "no work folder, no temporary");
		assertTrue(java.util.Arrays.equals(Files.readAllBytes(dir.resolve("cli/wall.tif")), Files.readAllBytes(dir
			.resolve("spark/wall.tif"))), "the same tiled TIFF, byte for byte");
	}
}
