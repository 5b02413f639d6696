package org.misf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import ij.ImagePlus;
import ij.io.FileSaver;
import ij.process.ByteProcessor;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.misf.io.TiledTiffLayout;
import org.misf.io.TiledTiffWriter;
import org.misf.model.ModelPackage;

/**
 * A wall's {@code inpaint} killed with -9 in child JVMs, once while its blocks are computed and once while its
 * result is written: nothing appears under the result's name until it is whole, and the next run redoes no
 * finished block and gives the uninterrupted run's file, byte for byte.
 */
class WallFaultsTest {

	@TempDir
	Path dir;

	/** A 6200 x 300 RGB wall (4 blocks) as a tiled TIFF, and its mask: spots in its first three blocks. */
	private void wall() throws Exception {
		final int w = 6200, h = 300, side = 128;
		final TiledTiffLayout layout = new TiledTiffLayout(w, h, 3, 8, side, true, false);
		try (TiledTiffWriter out = new TiledTiffWriter(dir.resolve("wall.tif"), layout)) {
			for (int ty = 0; ty < layout.tilesDown(); ty++)
				for (int tx = 0; tx < layout.tilesAcross(); tx++) {
					final Object[] ch = new Object[3];
					for (int c = 0; c < 3; c++) {
						final byte[] b = new byte[side * side];
						for (int i = 0; i < b.length; i++)
							b[i] = (byte) (40 + c * 50 + (tx * side + i % side) / 60 + (i * 7919 % 23));
						ch[c] = b;
					}
					out.writeTile(tx, ty, ch);
				}
			out.finish();
		}
		final ByteProcessor m = new ByteProcessor(w, h);
		m.setValue(255);
		for (int x = 100; x < w - 40; x += 400)
			m.fillOval(x, 60 + x % 170, 9, 7);
		new FileSaver(new ImagePlus("m", m)).saveAsPng(dir.resolve("mask.png").toString());
	}

	private Process start(final String out) throws Exception {
		final String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
		return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(), "inpaint", dir
			.resolve("wall.tif").toString(), dir.resolve("mask.png").toString(), "-o", dir.resolve(out).toString() + "/",
			"--threads", "1", "--quiet").redirectErrorStream(true).redirectOutput(dir.resolve(out + "-" + System
				.nanoTime() + ".log").toFile()).start();
	}

	/** Kills {@code p} with -9 as soon as a file under {@code folder} matches; false when it ended first. */
	private static boolean killWhen(final Process p, final Path folder, final Predicate<String> name)
		throws Exception
	{
		while (p.isAlive()) {
			if (Files.isDirectory(folder)) try (Stream<Path> s = Files.walk(folder)) {
				if (s.anyMatch(f -> name.test(f.getFileName().toString()))) {
					p.destroyForcibly();
					p.waitFor(30, TimeUnit.SECONDS);
					return true;
				}
			}
			catch (final java.io.UncheckedIOException e) {
				// a file went away while the folder was read: look again
			}
			Thread.sleep(5);
		}
		return false;
	}

	private String finish(final Process p, final String out) throws Exception {
		assertTrue(p.waitFor(300, TimeUnit.SECONDS), "the run did not end");
		final StringBuilder b = new StringBuilder();
		try (Stream<Path> logs = Files.list(dir)) {
			logs.filter(f -> f.getFileName().toString().startsWith(out + "-")).sorted().forEach(f -> {
				try {
					b.append(new String(Files.readAllBytes(f), StandardCharsets.UTF_8));
				}
				catch (final java.io.IOException e) {
					throw new java.io.UncheckedIOException(e);
				}
			});
		}
		assertEquals(0, p.exitValue(), b.toString());
		return b.toString();
	}

	@Test
	@Tag("slow")
	void killedWhileComputingOrWritingItResumesWhereItStopped() throws Exception {
		wall();
		final String reference = finish(start("ref"), "ref");
		assertTrue(reference.contains("streamed as a wall of 4 blocks, 3 with holes."), reference);
		final Path out = dir.resolve("out"), result = out.resolve("wall.tif");
		assertTrue(killWhen(start("out"), out, n -> n.equals("block-0.patch")), "ended before a block was done");
		assertFalse(Files.exists(result));
		final Process writing = start("out");
		assertTrue(killWhen(writing, out, n -> n.startsWith(".wall.tif.tmp-")), "ended before writing its result");
		assertFalse(Files.exists(result), "a result being written has no name");
		final String last = finish(start("out"), "out");
		final Matcher m = Pattern.compile("\\((\\d) done by an earlier run\\)").matcher(last);
		assertTrue(m.find(), last);
		assertEquals("3", m.group(1), "every block was done before the second kill: " + last);
		assertTrue(last.contains("removed 1 unfinished temporary result"), last);
		assertEquals(ModelPackage.sha256(dir.resolve("ref/wall.tif")), ModelPackage.sha256(result));
		try (Stream<Path> s = Files.list(out)) {
			assertEquals(2, s.count(), "the result and its record, nothing else");
		}
	}
}
