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

	/**
	 * Runs the batch. {@code inpainter} is asked once, only when there is work; {@code closeInpainter}: whether
	 * this run owns it (the CLI) or a cache does (Fiji). Throws {@link InpaintingException} when nothing could be
	 * done (bad usage, the model cannot load).
	 */
	public static BatchSummary run(final BatchSpec spec, final Supplier<Inpainter> inpainter,
		final boolean closeInpainter, final BatchListener listener)
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
		int done = 0, failed = 0, raced = 0;
		boolean stopped = false;
		if (!todo.isEmpty()) {
			final Inpainter in = inpainter.get();
			try {
				for (int n = 0; n < todo.size(); n++) {
					final InpaintJobs.Job j = todo.get(n);
					if (listener.isCancelled()) {
						stopped = true;
						break;
					}
					final String name = j.image.getFileName().toString();
					final ProgressListener windows = cancellable(listener.imageStarted(n, todo.size(), name), listener);
					try {
						final Written w = inpaintOne(in, j, spec, windows, listener);
						if (w == Written.BY_ANOTHER_RUN) raced++;
						else done++;
						if (w.note != null) listener.imageNote(name, w.note);
					}
					catch (final CancelledException e) {
						stopped = true;
						break;
					}
					catch (final MisfException | IOException e) {
						failed++;
						listener.imageFailed(name, e.getMessage());
					}
					catch (final RuntimeException e) {
						failed++;
						listener.imageFailed(name, "unexpected failure (" + e + ").");
					}
					listener.progress(n + 1, todo.size());
				}
			}
			finally {
				if (closeInpainter) in.close();
			}
		}
		return new BatchSummary(done, skipped + raced, failed, jobs.size(), (System.currentTimeMillis() - t0) / 1000.0,
			stopped);
	}

	/** Inpaints one job and writes what it produces. */
	private static Written inpaintOne(final Inpainter inpainter, final InpaintJobs.Job j, final BatchSpec s,
		final ProgressListener progress, final BatchListener listener) throws IOException
	{
		if (j.mask == null) throw new InpaintingException("there is no matching mask.");
		if (WallDecision.streams(j.image, j.mask)) {
			final String note = WallRun.inpaint(inpainter, j, s, progress);
			if (note == null) return Written.BY_ANOTHER_RUN;
			listener.imageNote(j.image.getFileName().toString(), s.saveChanges ? note +
				" No change images are made for a wall." : note);
			return Written.DONE;
		}
		final ImagePlus imp = ImageFile.open(j.image);
		final ByteProcessor holes = MaskImage.read(j.mask, s.convention);
		final ImagePlus original = s.saveChanges ? imp.duplicate() : null;
		final ChannelPlanes<?> planes = ImagePlanes.of(imp);
		final InpaintingReport r = inpainter.inpaint(planes, ImagePlanes.mask(holes), s.range.applyTo(s.job, imp)
			.toBuilder().progress(progress).build());
		if (!ResultWriter.write(imp, j.output)) return Written.BY_ANOTHER_RUN;
		if (s.record) Provenance.write(j.output, Provenance.json(j.image, j.mask, j.output, s.convention, s.job,
			s.range.toString(), inpainter, r));
		if (s.saveChanges) ChangeImages.write(j.output, holes, ChangeImages.changed(original, imp));
		return r.holePixels() == 0 ? Written.EMPTY_MASK : Written.DONE;
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
