package org.misf.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import ij.ImagePlus;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.misf.core.Progress;
import org.misf.model.Device;
import org.misf.model.Inpainters;
import org.misf.model.ModelPackage;
import org.misf.model.TorchInpainter;

/**
 * The batch's window progress is pulled: the image's windows report into the {@link Progress} the front-end handed
 * over, and cancelling that Progress stops the image without writing it; the batch calls the front-end only before
 * and after an image, never while its windows run.
 */
class PulledProgressTest {

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

	/** Hands each image a Progress, cancelled from the start if asked, and notes what it heard in which order. */
	private static final class Front implements BatchListener {

		final List<Progress> handed = new ArrayList<>();
		final List<String> heard = new ArrayList<>();
		final boolean cancelAtOnce;

		Front(final boolean cancelAtOnce) {
			this.cancelAtOnce = cancelAtOnce;
		}

		@Override
		public Progress imageStarted(final int index, final int total, final String name) {
			final Progress p = new Progress();
			if (cancelAtOnce) p.cancel();
			handed.add(p);
			heard.add("started " + name + " at " + p.last().done + "/" + p.last().total);
			return p;
		}

		@Override
		public void progress(final int done, final int total) {
			final Progress.Step s = handed.get(handed.size() - 1).last();
			heard.add("finished " + done + "/" + total + " after windows " + s.done + "/" + s.total);
		}
	}

	private BatchSummary run(final Front front) throws IOException {
		final Path in = Files.createDirectories(dir.resolve("in")), masks = Files.createDirectories(dir.resolve("masks"));
		WallFixtures.save(WallFixtures.picture(200, 150, false, 1), in.resolve("a.png"));
		WallFixtures.save(new ImagePlus("m", WallFixtures.mask(200, 150, 3, 20)), masks.resolve("a.png"));
		return FolderBatchRun.run(BatchSpec.builder(in, masks, dir.resolve("out").toString()).build(), () -> model,
			false, front);
	}

	@Test
	void theWindowsReportIntoTheProgressTheFrontEndHolds() throws IOException {
		final Front front = new Front(false);
		final BatchSummary s = run(front);
		assertEquals(1, s.done, front.heard.toString());
		final Progress.Step last = front.handed.get(0).last();
		assertTrue(last.total > 0 && last.done == last.total, last.done + "/" + last.total);
		assertEquals(List.of("started a.png at 0/0", "finished 1/1 after windows " + last.total + "/" + last.total),
			front.heard, "nothing heard while the windows ran");
	}

	@Test
	void cancellingTheProgressStopsTheImageAndWritesNothing() throws IOException {
		final Front front = new Front(true);
		final BatchSummary s = run(front);
		assertTrue(s.stopped);
		assertEquals(0, s.done);
		assertFalse(Files.exists(dir.resolve("out/a.png")));
		assertFalse(Files.exists(dir.resolve("out/a.png.json")));
	}
}
