package org.misf.imagej;

import java.nio.file.Paths;

import ij.IJ;

import org.misf.batch.BatchListener;
import org.misf.batch.BatchSpec;
import org.misf.batch.BatchSummary;
import org.misf.batch.FolderBatchRun;
import org.misf.batch.ProgressWatch;
import org.misf.core.InpaintJob;
import org.misf.core.Progress;
import org.misf.io.ImageFile;
import org.misf.model.Device;
import org.misf.model.InpaintingException;

/**
 * "MISF Batch": a folder of images with their masks, through the batch engine the command line uses
 * ({@link FolderBatchRun}: resumable, verified writes that never replace, a record next to each result, goes on
 * after a bad file), with ImageJ's progress bar, the Log for notes and errors, Esc to stop after the window in
 * progress, and the model from the shared cache of the Fiji commands. Walls larger than ImageJ can hold are never
 * opened as images: the batch reads and writes them block by block, with their blocks and holes in the status line.
 */
public final class MisfBatch {

	public static final String TITLE = "MISF Batch";
	public static final String KEY_IMAGES = "images", KEY_MASKS = "masks", KEY_OUTPUT = "output", KEY_MODEL = "model",
		KEY_DEVICE = "device", KEY_DILATE = "dilate";

	private MisfBatch() {}

	/**
	 * Runs the batch; returns the summary line. Throws an {@link InpaintingException} when nothing could be done; in
	 * a {@code -batch} run ({@link BatchRun}) with images that failed, ends the process with exit code 1 after the
	 * summary, as the command line does.
	 */
	public static String run(final String images, final String masks, final String output, final String model,
		final String device, final int dilate)
	{
		for (final String[] folder : new String[][] { { images, "images" }, { masks, "masks" }, { output, "output" } })
			if (folder[0] == null || folder[0].trim().isEmpty())
				throw new InpaintingException("Choose the " + folder[1] + " folder.");
		final String m = model == null || model.trim().isEmpty() ? InpaintSettings.DEFAULT_MODEL : model.trim();
		final Device d = Device.parse(device);
		final BatchSpec spec = BatchSpec.builder(Paths.get(images.trim()), Paths.get(masks.trim()), output.trim()).job(
			InpaintJob.builder().dilation(dilate).build()).build();
		IJ.resetEscape();
		final boolean unattended = BatchRun.isActive();
		final BatchSummary summary;
		try (ImageJListener listener = new ImageJListener(unattended)) {
			summary = ImageFile.withoutMacroDialogs(() -> SharedInpainter.withPluginClassLoader(() -> FolderBatchRun.run(
				spec, () -> SharedInpainter.INSTANCE.get(m, d), false, listener)));
		}
		finally {
			IJ.showProgress(1.0);
		}
		IJ.log(TITLE + ": " + summary.line());
		IJ.showStatus(TITLE + ": " + summary.line());
		if (unattended && summary.exitCode() != 0) BatchRun.end(TITLE, summary.failed + " of " + summary.total +
			" images failed (each is named above); the others are done.", BatchRun.SOME_FAILED);
		return summary.line();
	}

	/**
	 * Progress in ImageJ's bar and status line, notes and errors in the Log (errors on stderr in a {@code -batch} run,
	 * as the command line prints them), Esc to stop: a {@link ProgressWatch} reads the image in progress (a wall's
	 * blocks and holes for the status line) and cancels it when Esc is pressed.
	 */
	private static final class ImageJListener implements BatchListener, AutoCloseable {

		private static final long POLL_MS = 200;

		private final boolean unattended;
		private final ProgressWatch watch = new ProgressWatch(POLL_MS, IJ::escapePressed, (name, step) -> {
			if (!step.message.isEmpty()) // a wall takes hours: its blocks and holes
				IJ.showStatus(TITLE + ": " + name + " " + step.done + "/" + step.total + " " + step.message);
		});

		ImageJListener(final boolean unattended) {
			this.unattended = unattended;
		}

		@Override
		public void note(final String message) {
			IJ.log("note: " + message);
		}

		@Override
		public Progress imageStarted(final int index, final int total, final String name) {
			IJ.showProgress(index, total);
			IJ.showStatus(TITLE + ": " + index + "/" + total + " " + name);
			return watch.start(name);
		}

		@Override
		public void imageNote(final String name, final String message) {
			IJ.log(name + ": " + message);
		}

		@Override
		public void imageFailed(final String name, final String message) {
			if (unattended) System.err.println("error: " + name + ": " + message);
			else IJ.log("error: " + name + ": " + message);
		}

		@Override
		public void progress(final int done, final int total) {
			IJ.showProgress(done, total);
		}

		@Override
		public boolean isCancelled() {
			return IJ.escapePressed();
		}

		@Override
		public void close() {
			watch.close();
		}
	}
}
