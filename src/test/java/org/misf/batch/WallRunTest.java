package org.misf.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
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

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.misf.core.ProgressListener;
import org.misf.model.Device;
import org.misf.model.Inpainters;
import org.misf.model.ModelPackage;
import org.misf.model.TorchInpainter;

/**
 * Walls through the batch engine with the shipped model: a tiled TIFF (read and written block by block) gives the
 * pixels of the same picture done whole through ImageJ; a stopped run resumes without redoing finished blocks; a
 * damaged work file or another job's work is redone; the record is written as for any result.
 */
class WallRunTest {

	@TempDir
	Path dir;

	static TorchInpainter model;

	@BeforeAll
	static void load() {
		model = Inpainters.open(ModelPackage.defaultPackage(), Device.CPU);
	}

	@AfterAll
	static void close() {
		model.close();
	}

	/** What a run told the user, and how it ended. */
	static final class Run implements BatchListener {

		final List<String> notes = new ArrayList<>();
		int stopAfterBlocks = -1;
		BatchSummary summary;

		@Override
		public void imageNote(final String name, final String message) {
			notes.add(message);
		}

		@Override
		public void imageFailed(final String name, final String message) {
			notes.add("failed: " + message);
		}

		@Override
		public ProgressListener imageStarted(final int index, final int total, final String name) {
			return new ProgressListener() {

				boolean stop;

				@Override
				public void progress(final long done, final long all, final String message) {
					stop |= stopAfterBlocks >= 0 && message.startsWith("blocks") && done >= stopAfterBlocks;
				}

				@Override
				public boolean isCancelled() {
					return stop;
				}
			};
		}
	}

	static Run inpaint(final Path image, final Path mask, final Path out, final int stopAfterBlocks) {
		final Run r = new Run();
		r.stopAfterBlocks = stopAfterBlocks;
		r.summary = FolderBatchRun.run(BatchSpec.builder(image, mask, out.toString()).build(), () -> model, false, r);
		return r;
	}

	/** A two-block wall (2600 x 300 RGB) as a tiled TIFF with its mask, also a tiled TIFF. */
	private Path[] twoBlocks() throws IOException {
		final ImagePlus pic = WallFixtures.picture(2600, 300, false, 4);
		final Path image = dir.resolve("in/wall.tif"), mask = dir.resolve("in/wall_mask.tif");
		WallFixtures.tiledTiff(pic, image, 128, true);
		WallFixtures.tiledTiff(new ImagePlus("m", WallFixtures.mask(2600, 300, 5, 60)), mask, 256, true);
		return new Path[] { image, mask };
	}

	@Test
	@Tag("slow")
	void aTiledTiffGivesThePixelsOfTheWholeImageRunWithItsRecord() throws IOException {
		final ImagePlus pic = WallFixtures.picture(700, 500, false, 1);
		final ByteProcessor holes = WallFixtures.mask(700, 500, 2, 60);
		WallFixtures.tiledTiff(pic, dir.resolve("tif/wall.tif"), 64, false);
		WallFixtures.save(pic, dir.resolve("png/wall.png"));
		WallFixtures.save(new ImagePlus("m", holes), dir.resolve("mask.png"));
		final Run wall = inpaint(dir.resolve("tif/wall.tif"), dir.resolve("mask.png"), dir.resolve("out"), -1);
		final Run whole = inpaint(dir.resolve("png/wall.png"), dir.resolve("mask.png"), dir.resolve("out"), -1);
		assertEquals(1, wall.summary.done, wall.notes.toString());
		assertEquals(1, whole.summary.done, whole.notes.toString());
		assertEquals("[streamed as a wall of 1 block, 1 with holes.]", wall.notes.toString());
		final ImagePlus expected = IJ.openImage(dir.resolve("out/wall.png").toString());
		WallFixtures.assertSamePixels(expected, dir.resolve("out/wall.tif"));
		assertTrue(WallFixtures.differences(pic, dir.resolve("out/wall.tif"), holes) > 100, "holes filled");
		final String record = new String(Files.readAllBytes(dir.resolve("out/wall.tif.json")), StandardCharsets.UTF_8);
		assertTrue(record.contains(ModelPackage.sha256(dir.resolve("out/wall.tif"))), record);
		final String wholeRecord = new String(Files.readAllBytes(dir.resolve("out/wall.png.json")), StandardCharsets.UTF_8);
		for (final String same : new String[] { "\"holes\": ", "\"hole_pixels\": ", "\"windows\": " })
			assertEquals(line(wholeRecord, same), line(record, same), same);
		assertEquals(List.of("wall.png", "wall.png.json", "wall.tif", "wall.tif.json"), names(dir.resolve("out")),
			"nothing else stays: no work folder, no temporary file");
	}

	@Test
	@Tag("slow")
	void aStoppedWallResumesWithoutRedoingItsFinishedBlocks() throws IOException {
		final Path[] in = twoBlocks();
		final Run stopped = inpaint(in[0], in[1], dir.resolve("out"), 1);
		assertTrue(stopped.summary.stopped, stopped.notes.toString());
		assertFalse(Files.exists(dir.resolve("out/wall.tif")));
		assertTrue(Files.exists(WallWork.folder(dir.resolve("out/wall.tif")).resolve(WallBlock.fileName(0))));
		final Run resumed = inpaint(in[0], in[1], dir.resolve("out"), -1);
		assertEquals(1, resumed.summary.done, resumed.notes.toString());
		assertTrue(resumed.notes.get(0).contains("(1 done by an earlier run)"), resumed.notes.toString());
		final Run fresh = inpaint(in[0], in[1], dir.resolve("again"), -1);
		assertTrue(fresh.notes.get(0).startsWith("streamed as a wall of 2 blocks, 2 with holes."), fresh.notes
			.toString());
		assertEquals(Files.size(dir.resolve("again/wall.tif")), Files.size(dir.resolve("out/wall.tif")));
		assertEquals(ModelPackage.sha256(dir.resolve("again/wall.tif")), ModelPackage.sha256(dir.resolve(
			"out/wall.tif")), "the resumed result is the uninterrupted one, byte for byte");
	}

	@Test
	@Tag("slow")
	void aDamagedBlockOrAnotherJobsWorkIsDoneAgain() throws IOException {
		final Path[] in = twoBlocks();
		inpaint(in[0], in[1], dir.resolve("out"), 1);
		final Path patch = WallWork.folder(dir.resolve("out/wall.tif")).resolve(WallBlock.fileName(0));
		final byte[] bytes = Files.readAllBytes(patch);
		bytes[bytes.length / 2] ^= 1;
		Files.write(patch, bytes);
		final Run damaged = inpaint(in[0], in[1], dir.resolve("out"), -1);
		assertEquals("[streamed as a wall of 2 blocks, 2 with holes.]", damaged.notes.toString(),
			"the damaged block was done again, not taken");
		inpaint(in[0], in[1], dir.resolve("other"), 1);
		Files.setLastModifiedTime(in[1], java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() -
			60_000)); // another mask, as far as the work can tell
		final Run other = inpaint(in[0], in[1], dir.resolve("other"), -1);
		assertEquals("[streamed as a wall of 2 blocks, 2 with holes.]", other.notes.toString());
		assertEquals(ModelPackage.sha256(dir.resolve("out/wall.tif")), ModelPackage.sha256(dir.resolve(
			"other/wall.tif")));
	}

	/**
	 * A real filesystem that fills up (a small tmpfs; needs the right to mount, as root in CI): the result does not
	 * fit, nothing gets its name, the finished blocks stay, and once there is room the next run only writes.
	 */
	@Test
	@Tag("slow")
	void aFullDiskKeepsTheFinishedBlocksForTheNextRun() throws Exception {
		final Path[] in = twoBlocks();
		final Path small = Files.createDirectory(dir.resolve("small"));
		final Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=400k", "tmpfs", small.toString())
			.redirectErrorStream(true).start();
		assumeTrue(mount.waitFor() == 0, "cannot mount a small filesystem here");
		try {
			final Run full = inpaint(in[0], in[1], small.resolve("out"), -1);
			assertEquals(1, full.summary.failed, full.notes.toString());
			assertTrue(full.notes.get(0).startsWith("failed: the wall could not be finished (") && full.notes.get(0)
				.contains("is the disk full?); the blocks done so far are kept for the next run."), full.notes.toString());
			assertEquals(List.of(".wall.tif.misf-work"), names(small.resolve("out")), "no result, no temporary file");
			final Process grow = new ProcessBuilder("mount", "-o", "remount,size=16m", small.toString())
				.redirectErrorStream(true).start();
			assertEquals(0, grow.waitFor());
			final Run room = inpaint(in[0], in[1], small.resolve("out"), -1);
			assertEquals("[streamed as a wall of 2 blocks, 2 with holes (2 done by an earlier run).]", room.notes
				.toString());
			inpaint(in[0], in[1], dir.resolve("ref"), -1);
			assertEquals(ModelPackage.sha256(dir.resolve("ref/wall.tif")), ModelPackage.sha256(small.resolve(
				"out/wall.tif")));
		}
		finally {
			new ProcessBuilder("umount", "-l", small.toString()).start().waitFor();
		}
	}

	@Test
	@Tag("slow")
	void blockEdgesAndSixteenBitsGiveTheWholeImagePixels() throws IOException {
		for (final boolean sixteen : new boolean[] { false, true }) {
			final int w = sixteen ? 2300 : 2600, h = sixteen ? 2150 : 2300;
			final ImagePlus pic = WallFixtures.picture(w, h, sixteen, 7);
			final Path sub = dir.resolve(sixteen ? "16" : "8");
			WallFixtures.tiledTiff(pic, sub.resolve("tif/wall.tif"), 256, !sixteen);
			WallFixtures.save(pic, sub.resolve(sixteen ? "whole/wall_.tif" : "whole/wall_.png"));
			WallFixtures.save(new ImagePlus("m", WallFixtures.mask(w, h, 8, 60)), sub.resolve("mask.png"));
			final Run wall = inpaint(sub.resolve("tif/wall.tif"), sub.resolve("mask.png"), sub.resolve("out"), -1);
			assertTrue(wall.notes.get(0).startsWith("streamed as a wall of 4 blocks"), wall.notes.toString());
			final Path whole = sub.resolve(sixteen ? "whole/wall_.tif" : "whole/wall_.png");
			inpaint(whole, sub.resolve("mask.png"), sub.resolve("out"), -1);
			WallFixtures.assertSamePixels(IJ.openImage(sub.resolve("out").resolve(whole.getFileName()).toString()), sub
				.resolve("out/wall.tif"));
		}
	}

	private static String line(final String json, final String key) {
		final int at = json.indexOf(key);
		assertTrue(at >= 0, key + " in " + json);
		return json.substring(at, json.indexOf('\n', at));
	}

	static List<String> names(final Path folder) throws IOException {
		try (Stream<Path> s = Files.list(folder)) {
			return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
		}
	}
}
