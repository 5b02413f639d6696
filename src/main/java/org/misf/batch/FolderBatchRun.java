package org.misf.batch;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import ij.ImagePlus;
import ij.process.ByteProcessor;

import org.misf.core.CancelledException;
import org.misf.core.ChannelPlanes;
import org.misf.core.InpaintJob;
import org.misf.core.InpaintingReport;
import org.misf.core.MisfException;
import org.misf.core.ProgressListener;
import org.misf.files.Claim;
import org.misf.io.ImageFile;
import org.misf.io.ImagePlanes;
import org.misf.model.Inpainter;
import org.misf.model.InpaintingException;

/**
 * The one batch engine of both front-ends (the CLI's {@code inpaint} and Fiji's <em>MISF Batch</em>): lists the
 * jobs ({@link InpaintJobs}), checks the output folders and removes stale temporary files before any work, skips
 * results that are done ({@link ExistingResult}: a result with a true record), and for each image to do claims it
 * ({@link Claim}, so that runs side by side never compute one image twice), reads it and its mask ({@link ImageFile},
 * {@link ImagePlanes}) if the heap can hold them ({@link InputCheck}), inpaints its planes ({@link ImagePlanes}) with
 * the job of the spec ({@link BatchSpec}) and writes it with its record
 * ({@link ResultWriter}, {@link Provenance}: verified, never replacing, the two named together) and, on request,
 * its change images ({@link ChangeImages}); an image ImageJ cannot hold whole is done as a wall, block by block
 * ({@link InputCheck}, {@link WallRun}). A bad file or any failure of one image is one sentence and the batch
 * goes on; images another run is working on are tried again at the end; a cancel stops after the window in
 * progress without writing that image.
 */
public final class FolderBatchRun {

	/** What became of an image that did not fail, with the note the user gets (null: none). */
	enum Written {
		/** Inpainted and written. */
		DONE(null),
		/** Its mask has no holes: written unchanged. */
		EMPTY_MASK(InpaintingReport.EMPTY_MASK),
		/** Another run wrote this result while this one computed it; this one's is discarded. */
		BY_ANOTHER_RUN("another run wrote this result first; it was kept.");

		final String note;

		Written(final String note) {
			this.note = note;
		}
	}

	private FolderBatchRun() {}

	/** The jobs of a spec, after its shard; usage problems (no such folder, a bad output name) as exceptions. */
	public static List<InpaintJobs.Job> plan(final BatchSpec spec) {
		final List<InpaintJobs.Job> jobs = InpaintJobs.list(spec.image, spec.mask, spec.output, spec.shard);
		if (jobs.isEmpty()) throw new InpaintingException("There are no images to inpaint in " + spec.image + ".");
		return jobs;
	}

	/** The claim file of a result: whoever creates it computes that result ({@link Claim}). */
	static Path claimFile(final Path output) {
		return output.resolveSibling("." + output.getFileName() + ".claim");
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
		prepareFolders(jobs, listener);
		final Tally tally = new Tally(jobs.size());
		final List<InpaintJobs.Job> todo = new ArrayList<>();
		for (final InpaintJobs.Job j : jobs) {
			if (listener.isCancelled()) return tally.stopped(); // checking many finished results takes a while
			final Outcome o = ExistingResult.outcome(j, spec.record, listener);
			if (o == null) todo.add(j);
			else tally.add(o);
		}
		final Once<Inpainter> engine = new Once<>(inpainter);
		try {
			final List<InpaintJobs.Job> here = runner == null ? todo : new ArrayList<>(), again = new ArrayList<>();
			int finished = 0;
			if (runner != null) {
				final List<InpaintJobs.Job> images = new ArrayList<>();
				for (final InpaintJobs.Job j : todo)
					(InputCheck.streams(j.image, j.mask) ? here : images).add(j);
				if (!images.isEmpty()) for (final ImageOutcome o : runner.images(spec, images, listener)) {
					o.tell(listener);
					if (o.outcome == Outcome.STOPPED) return tally.stopped();
					tally.add(o.outcome);
					finished++;
				}
			}
			for (final List<InpaintJobs.Job> pass : List.of(here, again))
				for (final InpaintJobs.Job j : pass) {
					if (listener.isCancelled()) return tally.stopped();
					final Outcome o = underClaim(j, spec, engine, finished, todo.size(), listener, runner);
					if (o == Outcome.STOPPED) return tally.stopped();
					if (o == Outcome.ELSEWHERE && pass == here) again.add(j); // its run may end without it: look again
					else {
						tally.add(o);
						listener.progress(++finished, todo.size());
					}
				}
			return tally.summary(false);
		}
		finally {
			if (closeInpainter) engine.ifMade(Inpainter::close);
			if (runner != null) prepareFolders(jobs, new BatchListener() {}); // what dead units left
		}
	}

	/**
	 * Does one image of a batch that is not a wall, in any process (a {@link BatchRunner}'s unit), as this batch
	 * does it here: claimed, read, inpainted, written with its record, verified and never replacing a file; every
	 * failure is an outcome with its sentence.
	 */
	public static ImageOutcome inpaint(final Inpainter inpainter, final BatchSpec spec, final InpaintJobs.Job job,
		final ProgressListener progress)
	{
		final ImageOutcome.Heard heard = new ImageOutcome.Heard(progress);
		final Outcome o = underClaim(job, spec, new Once<>(() -> inpainter), 0, 1, heard, null);
		return new ImageOutcome(job.image.getFileName().toString(), o, heard);
	}

	/** How many images ended how, since the run started. */
	private static final class Tally {

		private final int[] count = new int[Outcome.values().length];
		private final int total;
		private final long t0 = System.currentTimeMillis();

		Tally(final int total) {
			this.total = total;
		}

		void add(final Outcome o) {
			count[o.ordinal()]++;
		}

		BatchSummary stopped() {
			return summary(true);
		}

		BatchSummary summary(final boolean stopped) {
			return new BatchSummary(count[Outcome.DONE.ordinal()], count[Outcome.SKIPPED.ordinal()], count[Outcome.FAILED
				.ordinal()], count[Outcome.ELSEWHERE.ordinal()], total, (System.currentTimeMillis() - t0) / 1000.0, stopped);
		}
	}

	private static void prepareFolders(final List<InpaintJobs.Job> jobs, final BatchListener listener) {
		final Set<Path> folders = new HashSet<>();
		for (final InpaintJobs.Job j : jobs)
			if (j.output != null) folders.add(j.output.toAbsolutePath().getParent());
		for (final Path f : folders) {
			ResultWriter.checkWritable(f);
			Claim.removeStale(f, ".*.claim"); // claims of stopped runs (claimFile)
			final int stale = ResultWriter.removeStaleTemps(f);
			if (stale > 0) listener.note("removed " + stale + " unfinished temporary result" + (stale == 1 ? "" : "s") +
				" of an earlier run that was stopped, in " + f + ".");
		}
	}

	/** Claims a job and does it, unless another run holds it or finished it meanwhile. */
	private static Outcome underClaim(final InpaintJobs.Job j, final BatchSpec spec, final Once<Inpainter> engine,
		final int index, final int total, final BatchListener listener, final BatchRunner runner)
	{
		final String name = j.image.getFileName().toString();
		final Optional<Claim> claim;
		try {
			claim = Claim.take(claimFile(j.output));
		}
		catch (final IOException e) {
			return Outcome.failed(listener, name, "it could not be claimed in " + j.output.toAbsolutePath().getParent() +
				" (" + e.getMessage() + ").");
		}
		if (claim.isEmpty()) return Outcome.ELSEWHERE;
		try (Claim held = claim.get()) {
			final ResultStatus status = ResultStatus.of(j.output); // again: another run may have finished it
			if (status.hasResult()) return Outcome.SKIPPED;
			if (status != ResultStatus.ABSENT && status != ResultStatus.MISSING) return ExistingResult.outcome(j,
				spec.record, listener); // something else appeared there meanwhile
			final Inpainter in = engine.get(); // a model that cannot load ends the run: nothing could be done
			if (status == ResultStatus.MISSING) ExistingResult.removeOrphanRecord(j.output, name, listener);
			return compute(in, j, spec, listener.imageStarted(index, total, name), listener, runner);
		}
	}

	/** Does one image; every failure is one sentence for the user and the batch goes on. */
	private static Outcome compute(final Inpainter in, final InpaintJobs.Job j, final BatchSpec spec,
		final ProgressListener windows, final BatchListener listener, final BatchRunner runner)
	{
		final String name = j.image.getFileName().toString();
		try {
			final Written w = inpaintOne(in, j, spec, windows, listener, runner);
			if (w.note != null) listener.imageNote(name, w.note);
			return w == Written.BY_ANOTHER_RUN ? Outcome.SKIPPED : Outcome.DONE;
		}
		catch (final CancelledException e) {
			return Outcome.STOPPED;
		}
		catch (final MisfException | IOException e) {
			return Outcome.failed(listener, name, e.getMessage());
		}
		catch (final OutOfMemoryError e) {
			return Outcome.failed(listener, name, InputCheck.outOfMemory());
		}
		catch (final RuntimeException | StackOverflowError e) {
			return Outcome.failed(listener, name, "an unexpected failure (" + MisfException.unexpected(e) + ") stopped this " +
				"image; nothing was written for it.");
		}
	}

	/** Inpaints one job and writes what it produces, the result and its record together. */
	private static Written inpaintOne(final Inpainter inpainter, final InpaintJobs.Job j, final BatchSpec s,
		final ProgressListener progress, final BatchListener listener, final BatchRunner runner) throws IOException
	{
		if (InputCheck.streams(j.image, j.mask)) {
			final String note = WallRun.inpaint(inpainter, j, s, progress, runner);
			if (note == null) return Written.BY_ANOTHER_RUN;
			listener.imageNote(j.image.getFileName().toString(), s.saveChanges ? note +
				" No change images are made for a wall." : note);
			return Written.DONE;
		}
		InputCheck.checkHeap(j.image, j.mask, s.saveChanges);
		final ImagePlus imp = ImageFile.open(j.image);
		final ByteProcessor holes = ImagePlanes.readMask(j.mask, s.convention);
		final ImagePlus original = s.saveChanges ? imp.duplicate() : null;
		final ChannelPlanes<?> planes = ImagePlanes.of(imp);
		final InpaintJob job = s.sameForEveryImage != null ? s.sameForEveryImage : s.range.applyTo(s.job, imp);
		final InpaintingReport r = inpainter.inpaint(planes, ImagePlanes.mask(holes), job.toBuilder().progress(progress)
			.build());
		final boolean written = s.record ? ResultWriter.writeWithRecord(imp, j.output, file -> Provenance.json(j.image,
			j.mask, j.output, file, s.convention, s.job, s.range, inpainter, r)) : ResultWriter.write(imp,
				j.output);
		if (!written) return Written.BY_ANOTHER_RUN;
		if (s.saveChanges) ChangeImages.write(j.output, holes, ChangeImages.changed(original, imp));
		return r.holePixels() == 0 ? Written.EMPTY_MASK : Written.DONE;
	}

	/** A value made on first use, once. */
	private static final class Once<T> {

		private final Supplier<T> make;
		private T value;

		Once(final Supplier<T> make) {
			this.make = make;
		}

		T get() {
			if (value == null) value = make.get();
			return value;
		}

		void ifMade(final java.util.function.Consumer<T> use) {
			if (value != null) use.accept(value);
		}
	}
}
