package org.misf.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import ij.ImagePlus;
import ij.process.ByteProcessor;

import org.misf.core.CancelledException;
import org.misf.core.ChannelPlanes;
import org.misf.core.InpaintingReport;
import org.misf.core.MisfException;
import org.misf.core.ProgressListener;
import org.misf.io.ImageFile;
import org.misf.io.ImagePlanes;
import org.misf.io.MaskImage;
import org.misf.model.Inpainter;
import org.misf.model.InpaintingException;

/**
 * The one batch engine of both front-ends (the CLI's {@code inpaint} and Fiji's <em>MISF Batch</em>): lists the
 * jobs ({@link InpaintJobs}), checks the output folders and removes stale temporary files before any work, skips
 * finished results, and for each image reads it and its mask ({@link ImageFile}, {@link MaskImage}), inpaints its
 * planes ({@link ImagePlanes}) with the job of the spec ({@link BatchSpec}),
 * writes it ({@link ResultWriter}: verified, never replacing) with its record ({@link Provenance}) and, on request,
 * its change images ({@link ChangeImages}); an image ImageJ cannot hold whole is done as a wall, block by block
 * ({@link WallDecision}, {@link WallRun}). A bad file is one failure and the batch goes on; a cancel stops after
 * the window in progress without writing that image.
 */
public final class FolderBatchRun {

	private static final String ANOTHER_RUN = "another run wrote this result first; it was kept.";

	private FolderBatchRun() {}

	/** The jobs of a spec, after its shard; usage problems (no such folder, a bad output name) as exceptions. */
	public static List<InpaintJobs.Job> plan(final BatchSpec spec) {
		final List<InpaintJobs.Job> jobs = InpaintJobs.list(spec.image, spec.mask, spec.output, spec.shard);
		if (jobs.isEmpty()) throw new InpaintingException("There are no images to inpaint in " + spec.image + ".");
		return jobs;
	}

	/**
	 * Runs the batch in this process. {@code inpainter} is asked once, only when there is work; {@code closeInpainter}:
	 * whether this run owns it (the CLI) or a cache does (Fiji). Throws {@link InpaintingException} when nothing could
	 * be done (bad usage, the model cannot load).
	 */
	public static BatchSummary run(final BatchSpec spec, final Supplier<Inpainter> inpainter,
		final boolean closeInpainter, final BatchListener listener)
	{
		return run(spec, inpainter, closeInpainter, listener, null);
	}

	/**
	 * As {@link #run(BatchSpec, Supplier, boolean, BatchListener)}, the images and the blocks of walls computed by
	 * {@code runner} in other processes (null: here, one after another); walls' holes, coarse fills and results are
	 * done here, so {@code inpainter} is asked only when a wall has work.
	 */
	public static BatchSummary run(final BatchSpec spec, final Supplier<Inpainter> inpainter,
		final boolean closeInpainter, final BatchListener listener, final BatchRunner runner)
	{
		final List<InpaintJobs.Job> jobs = plan(spec);
		final Set<Path> folders = new HashSet<>();
		for (final InpaintJobs.Job j : jobs)
			folders.add(j.output.toAbsolutePath().getParent());
		for (final Path f : folders) {
			ResultWriter.checkWritable(f);
			final int stale = ResultWriter.removeStaleTemps(f);
			if (stale > 0) listener.note("removed " + stale + " unfinished temporary result" + (stale == 1 ? "" : "s") +
				" of an earlier run that was stopped, in " + f + ".");
		}
		final long t0 = System.currentTimeMillis();
		final List<InpaintJobs.Job> todo = new ArrayList<>();
		int skipped = 0;
		for (final InpaintJobs.Job j : jobs)
			if (Files.exists(j.output)) skipped++;
			else todo.add(j);
		final Tally tally = new Tally();
		if (!todo.isEmpty()) {
			final Inpainter[] in = new Inpainter[1];
			try {
				List<InpaintJobs.Job> here = todo;
				if (runner == null) in[0] = inpainter.get();
				else {
					final List<InpaintJobs.Job> images = new ArrayList<>();
					here = new ArrayList<>();
					for (final InpaintJobs.Job j : todo)
						(j.mask != null && WallDecision.streams(j.image, j.mask) ? here : images).add(j);
					if (!images.isEmpty()) for (final ImageOutcome o : runner.images(spec, images, listener))
						tally.add(o, listener);
				}
				for (int n = 0; n < here.size() && !tally.stopped; n++) {
					final InpaintJobs.Job j = here.get(n);
					if (listener.isCancelled()) {
						tally.stopped = true;
						break;
					}
					if (in[0] == null) in[0] = inpainter.get();
					final ProgressListener windows = cancellable(listener.imageStarted(n, here.size(), j.image.getFileName()
						.toString()), listener);
					tally.add(attempt(in[0], j, spec, windows, runner), listener);
					if (!tally.stopped) listener.progress(n + 1, here.size());
				}
			}
			finally {
				if (closeInpainter && in[0] != null) in[0].close();
				if (runner != null) for (final Path f : folders) // of other processes' units that died while writing
					ResultWriter.removeStaleTemps(f);
			}
		}
		return new BatchSummary(tally.done, skipped + tally.raced, tally.failed, jobs.size(), (System
			.currentTimeMillis() - t0) / 1000.0, tally.stopped);
	}

	/**
	 * Does one image of a batch that is not a wall, in any process (a {@link BatchRunner}'s unit): read, inpainted,
	 * written verified and never replacing a file, with its record; a failure is an outcome, not an exception.
	 */
	public static ImageOutcome inpaint(final Inpainter inpainter, final BatchSpec spec, final InpaintJobs.Job job,
		final ProgressListener progress)
	{
		return attempt(inpainter, job, spec, progress, null);
	}

	/** Inpaints one job; what became of it. */
	private static ImageOutcome attempt(final Inpainter in, final InpaintJobs.Job j, final BatchSpec spec,
		final ProgressListener progress, final BatchRunner runner)
	{
		final String name = j.image.getFileName().toString();
		try {
			return inpaintOne(in, j, spec, progress, runner);
		}
		catch (final CancelledException e) {
			return new ImageOutcome(name, ImageOutcome.Kind.STOPPED, null);
		}
		catch (final MisfException | IOException e) {
			return new ImageOutcome(name, ImageOutcome.Kind.FAILED, e.getMessage());
		}
		catch (final RuntimeException e) {
			return new ImageOutcome(name, ImageOutcome.Kind.FAILED, "unexpected failure (" + e + ").");
		}
	}

	/** Inpaints one job and writes what it produces. */
	private static ImageOutcome inpaintOne(final Inpainter inpainter, final InpaintJobs.Job j, final BatchSpec s,
		final ProgressListener progress, final BatchRunner runner) throws IOException
	{
		final String name = j.image.getFileName().toString();
		if (j.mask == null) throw new InpaintingException("there is no matching mask.");
		if (WallDecision.streams(j.image, j.mask)) {
			final String note = WallRun.inpaint(inpainter, j, s, progress, runner);
			if (note == null) return new ImageOutcome(name, ImageOutcome.Kind.BY_ANOTHER_RUN, ANOTHER_RUN);
			return new ImageOutcome(name, ImageOutcome.Kind.DONE, s.saveChanges ? note +
				" No change images are made for a wall." : note);
		}
		final ImagePlus imp = ImageFile.open(j.image);
		final ByteProcessor holes = MaskImage.read(j.mask, s.convention);
		final ImagePlus original = s.saveChanges ? imp.duplicate() : null;
		final ChannelPlanes<?> planes = ImagePlanes.of(imp);
		final InpaintingReport r = inpainter.inpaint(planes, ImagePlanes.mask(holes), s.range.applyTo(s.job, imp)
			.toBuilder().progress(progress).build());
		if (!ResultWriter.write(imp, j.output)) return new ImageOutcome(name, ImageOutcome.Kind.BY_ANOTHER_RUN,
			ANOTHER_RUN);
		if (s.record) Provenance.write(j.output, Provenance.json(j.image, j.mask, j.output, s.convention, s.job,
			s.range.toString(), inpainter, r));
		if (s.saveChanges) ChangeImages.write(j.output, holes, ChangeImages.changed(original, imp));
		return new ImageOutcome(name, ImageOutcome.Kind.DONE, r.holePixels() == 0 ? InpaintingReport.EMPTY_MASK : null);
	}

	/** The counts of a batch's outcomes. */
	private static final class Tally {

		int done, failed, raced;
		boolean stopped;

		void add(final ImageOutcome o, final BatchListener listener) {
			switch (o.kind) {
				case DONE: done++; break;
				case BY_ANOTHER_RUN: raced++; break;
				case FAILED: failed++; break;
				default: stopped = true;
			}
			o.tell(listener);
		}
	}

	/** The front-end's window progress, stopping when the batch is cancelled. */
	private static ProgressListener cancellable(final ProgressListener windows, final BatchListener batch) {
		return new ProgressListener() {

			@Override
			public void progress(final long done, final long total, final String message) {
				windows.progress(done, total, message);
			}

			@Override
			public boolean isCancelled() {
				return batch.isCancelled() || windows.isCancelled();
			}
		};
	}
}
