package org.misf.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.Set;

import ij.ImagePlus;

import org.misf.core.CancelledException;
import org.misf.core.MaskConvention;
import org.misf.io.ImagePlusInpainting;
import org.misf.model.Device;
import org.misf.model.InpaintOptions;
import org.misf.model.InpaintResult;
import org.misf.model.Inpainter;
import org.misf.model.Inpainters;
import org.misf.model.InpaintingException;
import org.misf.model.ModelPackage;

/**
 * {@code inpaint IMAGE MASK -o OUT} or {@code inpaint IMAGE_DIR MASK_DIR -o OUT_DIR}: inpaints one image or
 * a folder of images with matching masks. Resumable (existing outputs are skipped), never loses a result
 * ({@link ResultWriter}: verified, then named without replacing anything), never overwrites an input, goes on
 * after a bad file, and splits a folder between cluster jobs with {@code --shard i/n}.
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
		final List<InpaintJobs.Job> jobs;
		final InpaintOptions options;
		final boolean displayRange;
		final MaskConvention convention;
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
			displayRange = range.equals("display");
			if (!displayRange && !range.equals("auto")) opt = withRange(opt, range);
			options = opt;
			convention = new MaskConvention(o.has("mask-threshold") ? o.getDouble("mask-threshold") : Double.NaN, o.has(
				"invert-mask"));
			Threads.apply(o);
			jobs = InpaintJobs.list(Paths.get(o.positional().get(0)), Paths.get(o.positional().get(1)), o.get("out", ""),
				o.get("shard", null));
			final Set<Path> folders = new HashSet<>();
			for (final InpaintJobs.Job j : jobs)
				folders.add(j.output.toAbsolutePath().getParent());
			for (final Path f : folders) {
				ResultWriter.checkWritable(f);
				final int stale = ResultWriter.removeStaleTemps(f);
				if (stale > 0) err.println("note: removed " + stale + " unfinished temporary result" + (stale == 1 ? ""
					: "s") + " of an earlier run that was stopped, in " + f + ".");
			}
		}
		catch (final Options.UsageException | InpaintingException e) {
			err.println("error: " + e.getMessage());
			err.println("(inpaint --help shows the options)");
			return 2;
		}
		if (jobs.isEmpty()) {
			err.println("error: no images to inpaint in " + o.positional().get(0) + ".");
			return 2;
		}

		final long t0 = System.currentTimeMillis();
		final ProgressBar bar = new ProgressBar(err, !o.has("quiet"));
		int done = 0, skipped = 0, failed = 0, raced = 0;
		boolean stopped = false;
		final List<InpaintJobs.Job> todo = new ArrayList<>();
		for (final InpaintJobs.Job j : jobs)
			if (Files.exists(j.output)) skipped++;
			else todo.add(j);
		if (!todo.isEmpty()) {
			try (Inpainter inpainter = Inpainters.open(ModelPackage.open(o.get("model", "default")), Device.parse(o.get(
				"device", "auto"))))
			{
				final boolean single = todo.size() == 1;
				int n = 0;
				for (final InpaintJobs.Job j : todo) {
					if (cancelled.getAsBoolean()) {
						stopped = true;
						break;
					}
					final String name = j.image.getFileName().toString();
					if (!single) bar.progress(n, todo.size(), name);
					try {
						final String msg = inpaintOne(inpainter, j, convention, options, o.get("range", "auto"), !o.has(
							"no-record"), o.has("save-changes"), new Named(bar, name, single, cancelled));
						if (msg == ANOTHER_RUN) {
							raced++;
							bar.message(name + ": " + msg);
						}
						else {
							done++;
							if (msg != null) bar.message(name + ": " + msg);
						}
					}
					catch (final CancelledException e) {
						stopped = true;
						break;
					}
					catch (final InpaintingException | IOException e) {
						failed++;
						bar.message("error: " + name + ": " + e.getMessage());
					}
					catch (final RuntimeException e) {
						failed++;
						bar.message("error: " + name + ": unexpected failure (" + e + ").");
					}
					if (!single) bar.progress(++n, todo.size(), "");
				}
				bar.finish();
			}
			catch (final InpaintingException e) {
				bar.finish();
				err.println("error: " + e.getMessage());
				return 2;
			}
		}
		out.println(String.format(Locale.ROOT, "%d inpainted, %d skipped (already done), %d failed, of %d image%s in %.1f s%s",
			done, skipped + raced, failed, jobs.size(), jobs.size() == 1 ? "" : "s", (System.currentTimeMillis() - t0) /
				1000.0, stopped ? "; stopped: finished results are kept, the rest is left for a later run." : "."));
		out.flush();
		return failed > 0 || stopped ? 1 : 0;
	}

	/**
	 * Inpaints one job and writes its output and, with {@code record}, its provenance record; returns a note for
	 * the user (e.g. an empty mask) or null.
	 */
	private static String inpaintOne(final Inpainter inpainter, final InpaintJobs.Job j, final MaskConvention convention,
		final InpaintOptions options, final String range, final boolean record, final boolean changes,
		final org.misf.core.ProgressListener progress) throws IOException
	{
		if (j.mask == null) throw new InpaintingException("there is no matching mask.");
		final ImagePlus imp = InputImages.open(j.image);
		final ImagePlus mask = InputImages.open(j.mask);
		final ImagePlus original = changes ? imp.duplicate() : null;
		final InpaintResult r = ImagePlusInpainting.inpaint(inpainter, imp, mask, convention, options, range.equals(
			"display"), progress);
		if (!ResultWriter.write(imp, j.output)) return ANOTHER_RUN;
		if (record) Provenance.write(j.output, Provenance.json(j.image, j.mask, j.output, convention, options, range,
			inpainter, r));
		if (changes) ChangeImages.write(j.output, (ij.process.ByteProcessor) ImagePlusInpainting.maskProcessor(mask,
			convention), ChangeImages.changed(original, imp));
		return r.holePixels() == 0 ? r.toString() : null;
	}

	/** The note for a result that another run wrote while this one computed it (this one's is discarded). */
	private static final String ANOTHER_RUN = "another run wrote this result first; it was kept.";

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

	/** Window progress of one image (shown with its name when it is the only one) and the batch's cancel switch. */
	private static final class Named implements org.misf.core.ProgressListener {

		private final ProgressBar bar;
		private final String name;
		private final boolean show;
		private final BooleanSupplier cancelled;

		Named(final ProgressBar bar, final String name, final boolean show, final BooleanSupplier cancelled) {
			this.bar = bar;
			this.name = name;
			this.show = show;
			this.cancelled = cancelled;
		}

		@Override
		public void progress(final long done, final long total, final String message) {
			if (show) bar.progress(done, total, name + " (windows)");
		}

		@Override
		public boolean isCancelled() {
			return cancelled.getAsBoolean();
		}
	}
}
