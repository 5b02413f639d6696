package org.misf.cli;

import java.io.PrintStream;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;


import org.misf.batch.BatchListener;
import org.misf.batch.BatchSpec;
import org.misf.batch.BatchSummary;
import org.misf.batch.FolderBatchRun;
import org.misf.core.MaskConvention;
import org.misf.model.Device;
import org.misf.model.InpaintOptions;
import org.misf.model.Inpainters;
import org.misf.model.InpaintingException;
import org.misf.model.ModelPackage;

/**
 * {@code inpaint IMAGE MASK -o OUT} or {@code inpaint IMAGE_DIR MASK_DIR -o OUT_DIR}: inpaints one image or
 * a folder of images with matching masks, through the batch engine both front-ends share ({@link FolderBatchRun}):
 * resumable, never losing a result, never overwriting an input, going on after a bad file, split between cluster
 * jobs with {@code --shard i/n}. This class reads the options, shows progress and prints the summary.
 */
public final class InpaintCommand implements Subcommand {

	private static final String USAGE = String.join("\n",
		"Usage: inpaint IMAGE MASK -o OUTPUT            (OUTPUT: a file, or a folder to put IMAGE's name in)",
		"       inpaint IMAGE_DIR MASK_DIR -o OUT_DIR    (masks match by name: a.tif <- a.png, a_mask.png, a-mask.tif)",
		"Options:",
		"  --model PATH|default   model package folder or zip (default: the shipped misf-w32)",
		"  --device auto|cpu|gpu  where the network runs (default auto)",
		"  --dilate N             grow holes by N pixels first (default 0)",
		"  --margin N             context around holes in pixels (default automatic)",
		"  --batch N              windows per network call (default 4)",
		"  --range auto|display|MIN,MAX  intensity range mapped to [0,1] (default auto: 8/16-bit type range,",
		"                         32-bit min/max of the known pixels; display = the file's ImageJ display range)",
		"  --shard I/N            only every N-th image starting at I (0 <= I < N), for job arrays",
		"  --threads N            CPU threads for the network (default: the physical cores that are idle at start)",
		"  --mask-threshold T     mask values above T are holes (default: non-zero; 100 suits JPEG masks)",
		"  --invert-mask          holes are where the mask is NOT above the threshold (white = known masks)",
		"  --no-record            no OUTPUT.json record of what was done (model, parameters, sha256 of the files)",
		"  --save-changes         also NAME.holes.png (the holes as read) and NAME.changed.png (pixels that changed)",
		"  --quiet                no progress bar",
		"Outputs keep the input's name (.tif/.png; other formats are written as .png) and are never overwritten.",
		"Exit codes: 0 all done, 1 some images failed (the others are done), 2 bad usage or nothing could be done.");

	@Override
	public String name() { return "inpaint"; }

	@Override
	public String summary() {
		return "inpaint an image (or a folder of images) where its mask is non-zero";
	}

	/**
	 * The CLI entry: as below, and a termination signal (kill, a Slurm time limit, Ctrl-C) stops the batch after
	 * the current window, removes its temporary file, keeps every finished result and prints the summary.
	 */
	@Override
	public int run(final List<String> args, final PrintStream out, final PrintStream err) {
		final AtomicBoolean terminated = new AtomicBoolean();
		final CountDownLatch finished = new CountDownLatch(1);
		final Thread hook = new Thread(() -> {
			terminated.set(true);
			try {
				finished.await(60, TimeUnit.SECONDS);
			}
			catch (final InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}, "misf-inpaint-stop");
		Runtime.getRuntime().addShutdownHook(hook);
		try {
			return run(args, out, err, terminated::get);
		}
		finally {
			finished.countDown();
			try {
				Runtime.getRuntime().removeShutdownHook(hook);
			}
			catch (final IllegalStateException e) {
				// the JVM is shutting down: the hook is running and now returns
			}
		}
	}

	/**
	 * As {@link #run(List, PrintStream, PrintStream)}, stopping cleanly when {@code cancelled} turns true (e.g. Esc
	 * in ImageJ): the image in progress is not written, finished outputs stay, a later run resumes. Exit code 1.
	 */
	public int run(final List<String> args, final PrintStream out, final PrintStream err,
		final BooleanSupplier cancelled)
	{
		final Options o;
		final BatchSpec spec;
		try {
			o = new Options(args, new HashSet<>(Arrays.asList("out", "model", "device", "dilate", "margin", "batch",
				"range", "shard", "threads", "mask-threshold")), new HashSet<>(Arrays.asList("quiet", "help",
					"invert-mask", "no-record", "save-changes")));
			if (o.has("help")) {
				out.println(USAGE);
				return 0;
			}
			if (o.positional().size() != 2 || !o.has("out"))
				throw new Options.UsageException("inpaint needs an image (or folder), a mask (or folder) and -o OUTPUT.");
			InpaintOptions opt = InpaintOptions.DEFAULTS.withDilation(o.getInt("dilate", 0)).withMargin(o.getInt("margin",
				-1)).withBatchSize(o.getInt("batch", 4));
			final String range = o.get("range", "auto");
			if (!range.equals("display") && !range.equals("auto")) opt = withRange(opt, range);
			final MaskConvention convention = new MaskConvention(o.has("mask-threshold") ? o.getDouble("mask-threshold") :
				Double.NaN, o.has("invert-mask"));
			Threads.apply(o);
			spec = new BatchSpec(Paths.get(o.positional().get(0)), Paths.get(o.positional().get(1)), o.get("out", ""), o
				.get("shard", null), opt, range, convention, !o.has("no-record"), o.has("save-changes"));
			FolderBatchRun.plan(spec);
		}
		catch (final Options.UsageException | InpaintingException e) {
			err.println("error: " + e.getMessage());
			err.println("(inpaint --help shows the options)");
			return 2;
		}
		final ProgressBar bar = new ProgressBar(err, !o.has("quiet"));
		final BatchSummary summary;
		try {
			summary = FolderBatchRun.run(spec, () -> Inpainters.open(ModelPackage.open(o.get("model", "default")), Device
				.parse(o.get("device", "auto"))), true, new BarListener(bar, err, cancelled));
		}
		catch (final InpaintingException e) {
			bar.finish();
			err.println("error: " + e.getMessage());
			return 2;
		}
		bar.finish();
		out.println(summary.line());
		out.flush();
		return summary.exitCode();
	}

	private static InpaintOptions withRange(final InpaintOptions o, final String range) {
		final String[] p = range.split(",");
		try {
			if (p.length == 2) return o.withRange(Double.parseDouble(p[0].trim()), Double.parseDouble(p[1].trim()));
		}
		catch (final NumberFormatException e) {
			// below
		}
		throw new Options.UsageException("--range needs auto, display or MIN,MAX, not '" + range + "'.");
	}

	/** The batch's progress on the terminal: one bar for the images (or the windows of a single image). */
	private static final class BarListener implements BatchListener {

		private final ProgressBar bar;
		private final PrintStream err;
		private final BooleanSupplier cancelled;
		private int total;

		BarListener(final ProgressBar bar, final PrintStream err, final BooleanSupplier cancelled) {
			this.bar = bar;
			this.err = err;
			this.cancelled = cancelled;
		}

		@Override
		public void note(final String message) {
			err.println("note: " + message);
		}

		@Override
		public org.misf.core.ProgressListener imageStarted(final int index, final int count, final String name) {
			total = count;
			if (count > 1) bar.progress(index, count, name);
			return (done, all, message) -> {
				if (count == 1) bar.progress(done, all, name + " (windows)");
			};
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
			if (total > 1) bar.progress(done, count, "");
		}

		@Override
		public boolean isCancelled() {
			return cancelled.getAsBoolean();
		}
	}
}
