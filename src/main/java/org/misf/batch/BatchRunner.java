package org.misf.batch;

import java.util.List;

import org.misf.core.ProgressListener;
import org.misf.model.Inpainter;

/**
 * Computes the independent units of a batch side by side in other processes (org.misf.spark: a cluster's
 * executors) instead of one after another in this one: the images of a folder, and the blocks of a wall. The batch
 * engine ({@link FolderBatchRun}) keeps the rest in the calling process: listing, skipping finished results, a
 * wall's holes, coarse fills and the writing of its result, the summary. A unit writes only through the batch's
 * verified writers that never replace a file, so a unit done twice (a retry, a speculative copy) leaves one result.
 */
public interface BatchRunner extends AutoCloseable {

	/**
	 * Does the images of {@code todo} (none of them a wall) with {@code spec}, each with
	 * {@link FolderBatchRun#inpaint}; returns what became of each, in the order of {@code todo}. {@code listener}
	 * hears progress in images and may stop the run.
	 */
	List<ImageOutcome> images(BatchSpec spec, List<InpaintJobs.Job> todo, BatchListener listener);

	/**
	 * Computes the blocks {@code todo} of a wall, each with {@link WallTask#compute}; each leaves its patch in the
	 * wall's work folder. {@code progress} hears blocks done and may stop the run.
	 */
	void blocks(WallTask wall, List<Integer> todo, ProgressListener progress);

	/** The model for the work done in the calling process (a wall's coarse fills); the runner owns and closes it. */
	Inpainter inpainter();

	@Override
	void close();
}
