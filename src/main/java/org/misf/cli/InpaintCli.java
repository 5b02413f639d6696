package org.misf.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

import org.misf.batch.BatchListener;
import org.misf.batch.BatchRunner;
import org.misf.batch.BatchSpec;
import org.misf.batch.BatchSummary;
import org.misf.batch.FolderBatchRun;
import org.misf.batch.ProgressWatch;
import org.misf.core.InpaintJob;
import org.misf.core.MaskConvention;
import org.misf.core.Progress;
import org.misf.io.RangeChoice;
import org.misf.model.ModelChoice;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code inpaint IMAGE MASK -o OUT} or {@code inpaint IMAGE_DIR MASK_DIR -o OUT_DIR}: inpaints one image or
 * a folder of images with matching masks, through the batch engine both front-ends share ({@link FolderBatchRun}):
 * resumable, never losing a result, never overwriting an input, going on after a bad file, split between cluster
 * jobs with {@code --shard i/n}. This class reads the options, shows progress and prints the summary.
 */
@Command(name = "inpaint", mixinStandardHelpOptions = true, versionProvider = Version.class, sortOptions = false,
	header = "Inpaints an image (or a folder of images) where its mask is non-zero.", footer = {
		"Masks of a folder match by name: a.tif <- a.png, a_mask.png, a-mask.tif.",
		"Outputs keep the input's name (.tif/.png; other formats are written as .png) and are never overwritten.",
		"TIFFs ImageJ cannot hold whole (tiled, BigTIFF, gigapixel walls) are read and written block by block; a",
		"stopped run goes on where it stopped when run again.",
		"Exit codes: 0 all done, 1 some images failed (the others are done), 2 bad usage or nothing could be done,",
		"143 stopped by SIGTERM (130 by Ctrl-C): the summary is printed, finished results are kept." })
final class InpaintCli implements Callable<Integer> {

	@Parameters(index = "0", paramLabel = "IMAGE", description = "an image file, or a folder of images")
	Path image;

	@Parameters(index = "1", paramLabel = "MASK", description = "its mask, or a folder of masks")
	Path mask;

	@Option(names = { "-o", "--out" }, required = true, paramLabel = "OUTPUT",
		description = "a file, or a folder to put IMAGE's name in (a folder for a folder of images)")
	String output;

	@Mixin
	ModelOptions model;

	@Option(names = "--dilate", paramLabel = "N", defaultValue = "0", description = "grow holes by N pixels first")
	int dilate;

	@Option(names = "--margin", paramLabel = "N", defaultValue = "-1",
		description = "context around holes in pixels (default automatic)")
	int margin;

	@Option(names = "--batch", paramLabel = "N", defaultValue = "4",
		description = "windows per network call (default ${DEFAULT-VALUE})")
	int batch;

	@Option(names = "--range", paramLabel = "auto|display|MIN,MAX", defaultValue = "auto", description = "intensity range mapped to [0,1] (default auto: 8/16-bit type range, 32-bit min/max of the known pixels; display = the file's ImageJ display range)")
	RangeChoice range;

	@Option(names = "--shard", paramLabel = "I/N", description = "only every N-th image starting at I (0 <= I < N), for job arrays")
	String shard;

	@Mixin
	ThreadsOption threads;

	@Option(names = "--mask-threshold", paramLabel = "T",
		description = "mask values above T are holes (default: non-zero; 100 suits JPEG masks)")
	Double maskThreshold;

	@Option(names = "--invert-mask", description = "holes are where the mask is NOT above the threshold (white = known masks)")
	boolean invertMask;

	@Option(names = "--no-record", description = "no OUTPUT.json record of what was done (model, parameters, sha256 of the files)")
	boolean noRecord;

	@Option(names = "--save-changes",
		description = "also NAME.holes.png (the holes as read) and NAME.changed.png (pixels that changed)")
	boolean saveChanges;

	@Option(names = "--quiet", description = "no progress bar")
	boolean quiet;

	private final PrintStream out, err;
	private final BooleanSupplier cancelled;
	private final Function<ModelChoice, BatchRunner> runners;

	/**
	 * @param cancelled stops the batch cleanly when it turns true (the image in progress is not written, finished
	 *                  results stay, a later run resumes; the summary is printed; exit code 143): a termination
	 *                  signal in {@code main} ({@link StopSignal}); null = never
	 */
	InpaintCli(final PrintStream out, final PrintStream err, final BooleanSupplier cancelled) {
		this(out, err, cancelled, null);
	}

	/**
	 * @param runners the runner of the images and walls' blocks for the model chosen (null, or a null runner: here,
	 *                one after another); the command closes it
	 */
	InpaintCli(final PrintStream out, final PrintStream err, final BooleanSupplier cancelled,
		final Function<ModelChoice, BatchRunner> runners)
	{
		this.out = out;
		this.err = err;
		this.cancelled = cancelled;
		this.runners = runners;
	}

	@Override
	public Integer call() {
		threads.apply();
		final BatchSpec batchSpec = BatchSpec.builder(image, mask, output).shard(shard).job(InpaintJob.builder()
			.dilation(dilate).margin(margin).batchSize(batch).build()).range(range).convention(new MaskConvention(
				maskThreshold == null ? Double.NaN : maskThreshold, invertMask)).record(!noRecord).saveChanges(saveChanges)
			.build();
		return run(batchSpec, cancelled == null ? () -> false : cancelled);
	}

	private int run(final BatchSpec batchSpec, final BooleanSupplier stop) {
		final ProgressBar bar = new ProgressBar(err, !quiet);
		final BatchSummary summary;
		final BatchRunner runner = runners == null ? null : runners.apply(model.choice(threads.threads));
		try (BarListener listener = new BarListener(bar, err, stop)) {
			summary = runner == null ? FolderBatchRun.run(batchSpec, model::open, true, listener) : FolderBatchRun.run(
				batchSpec, runner::inpainter, false, listener, runner);
		}
		finally {
			bar.finish();
			if (runner != null) runner.close();
		}
		out.println(summary.line());
		out.flush();
		return summary.exitCode();
	}

	/**
	 * The batch's progress on the terminal: one bar for the images, or for the windows of a single image, read from
	 * the image's {@link Progress} by a {@link ProgressWatch}, which also passes a stop (a termination signal) on to
	 * the image in progress.
	 */
	private static final class BarListener implements BatchListener, AutoCloseable {

		private static final long POLL_MS = 100;

		private final ProgressBar bar;
		private final PrintStream err;
		private final BooleanSupplier cancelled;
		private final ProgressWatch watch;
		private volatile boolean single;

		BarListener(final ProgressBar bar, final PrintStream err, final BooleanSupplier cancelled) {
			this.bar = bar;
			this.err = err;
			this.cancelled = cancelled;
			watch = new ProgressWatch(POLL_MS, cancelled, (name, step) -> {
				if (single) bar.progress(step.done, step.total, name + (step.message.isEmpty() ? " (windows)" : " (" +
					step.message + ")"));
			});
		}

		@Override
		public void note(final String message) {
			err.println("note: " + message);
		}

		@Override
		public Progress imageStarted(final int index, final int count, final String name) {
			single = count == 1;
			if (count > 1) bar.progress(index, count, name);
			return watch.start(name);
		}

		@Override
		public void imageNote(final String name, final String message) {
			bar.message(name + ": " + message);
		}

		@Override
		public void imageFailed(final String name, final String message) {
			bar.message("error: " + name + ": " + message);
		}

		@Override
		public void progress(final int done, final int count) {
			if (!single) bar.progress(done, count, "");
		}

		@Override
		public boolean isCancelled() {
			return cancelled.getAsBoolean();
		}

		@Override
		public void close() {
			watch.close();
		}
	}
}
