package org.misf.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.misf.model.InpaintingException;

/** A wall's work folder keeps only whole files, of its own job, for one run at a time; and its patches. */
class WallWorkTest {

	@TempDir
	Path dir;

	private Path output() {
		return dir.resolve("out/wall.tif");
	}

	@Test
	void onlyWholeFilesOfItsOwnJobAreTaken() throws IOException {
		Files.createDirectories(dir.resolve("out"));
		final byte[] content = "pixels".getBytes(StandardCharsets.UTF_8);
		try (WallWork w = WallWork.open(output(), "job A")) {
			assertNull(w.read("block-0.patch"));
			w.write("block-0.patch", content);
			assertArrayEquals(content, w.read("block-0.patch"));
			final Path file = w.dir().resolve("block-0.patch");
			final byte[] damaged = Files.readAllBytes(file);
			damaged[2] ^= 1;
			Files.write(file, damaged);
			assertFalse(w.has("block-0.patch"), "a damaged file is not done");
			w.write("block-0.patch", content);
			assertArrayEquals(content, w.read("block-0.patch"), "and is written again");
			Files.write(file, new byte[] { 1, 2, 3 }); // cut short
			assertNull(w.read("block-0.patch"));
		}
		try (WallWork w = WallWork.open(output(), "job A")) {
			w.write("block-1.patch", content);
		}
		try (WallWork w = WallWork.open(output(), "job B")) {
			assertNull(w.read("block-1.patch"), "another job's work is not reused");
		}
	}

	@Test
	void oneRunAtATimeAndTemporaryFilesOfKilledRunsAreRemoved() throws IOException {
		try (WallWork w = WallWork.open(output(), "job")) {
			w.write("holes", new byte[] { 7 });
		}
		final Path work = WallWork.folder(output()), killed = work.resolve(".block-3.patch.tmp-999999999");
		Files.write(killed, new byte[10]);
		try (WallWork w = WallWork.open(output(), "job")) {
			assertFalse(Files.exists(killed));
			assertArrayEquals(new byte[] { 7 }, w.read("holes"));
			final InpaintingException e = assertThrows(InpaintingException.class, () -> WallWork.open(output(), "job"));
			assertTrue(e.getMessage().startsWith("another run is working on this wall"), e.getMessage());
			w.delete();
		}
		assertFalse(Files.exists(work));
	}

	@Test
	void aPatchKeepsItsPixelsAndWritesOnlyItsRowsOfABand() throws IOException {
		final BlockPatch.Builder b = new BlockPatch.Builder(3, 16);
		b.windows = 2;
		final int[][] pixels = { { 5, 10 }, { 6, 10 }, { 7, 10 }, { 3, 11 }, { 9, 12 } };
		for (final int[] p : pixels)
			b.add(p[0], p[1], new int[] { p[0] * 1000, 65535, p[1] });
		final BlockPatch patch = BlockPatch.decode(b.build().encode());
		assertEquals(5, patch.pixels());
		assertEquals(2, patch.windows);
		assertEquals(3, patch.minX);
		assertEquals(12, patch.maxY);
		final WallBand band = new WallBand(11, 2, 20, 3, 16);
		patch.applyTo(band);
		final short[] red = (short[]) band.tile(0, 16)[0], green = (short[]) band.tile(0, 16)[1];
		assertEquals(3000, red[3]);
		assertEquals(9000, red[16 + 9]);
		assertEquals((short) 65535, green[16 + 9]);
		assertEquals(0, red[5], "row 10 is not in the band");
	}
}
