package org.misf.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.view.Views;

import org.misf.files.ProcessMark;
import org.misf.core.BadInputException;
import org.misf.core.BlockPlan;
import org.misf.core.ChannelPlanes;
import org.misf.core.CoarseFill;
import org.misf.core.CoarseRun;
import org.misf.core.HoleRegion;
import org.misf.core.HoleScanner;
import org.misf.core.InpaintingReport;
import org.misf.core.IntensityMapping;
import org.misf.core.ProgressListener;
import org.misf.io.TiffPlanes;
import org.misf.model.Inpainter;

/**
 * Inpaints one wall block by block, in bounded memory and resumably (README, "Walls"): the holes are found in one
 * pass over the mask, planned for the whole image ({@link BlockPlan}), the coarse fills of huge holes run once, then
 * every block that has windows runs on its own and leaves its hole pixels in the work folder ({@link WallWork});
 * finished work is never redone. Then the result is written tile by tile from the input and the blocks' patches
 * ({@link WallAssembly}), checked, given its name without replacing anything, with its record next to it (the
 * record first, as every result of the batch).
 */
final class WallRun {

	private final WallNetwork net;
	private final InpaintJobs.Job job;
	private final BatchSpec spec;
	private final ProgressListener progress;
	private final BatchRunner runner;

	private WallRun(final WallNetwork net, final InpaintJobs.Job job, final BatchSpec spec,
		final ProgressListener progress, final BatchRunner runner)
	{
		this.net = net;
		this.job = job;
		this.spec = spec;
		this.progress = progress;
		this.runner = runner;
	}

	/**
	 * Does {@code job} as a wall, its blocks computed by {@code runner} (null: here); returns a note for the user, or
	 * null when another run's result has its name.
	 */
	static String inpaint(final Inpainter inpainter, final InpaintJobs.Job job, final BatchSpec spec,
		final ProgressListener progress, final BatchRunner runner) throws IOException
	{
		if (!job.output.getFileName().toString().toLowerCase(Locale.ROOT).matches(".*\\.tiff?"))
			throw new BadInputException("a wall this large is written as a tiled TIFF; name the output .tif.");
		try {
			return new WallRun(WallNetwork.of(inpainter, spec.job), job, spec, progress, runner).run();
		}
		catch (final UncheckedIOException e) {
			throw unfinished(e.getCause());
		}
		catch (final IOException e) {
			throw unfinished(e);
		}
	}

	/** A failed read or write of a wall as one sentence: what is kept, and that the next run goes on from there. */
	private static IOException unfinished(final IOException e) {
		final String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().replaceAll("[.]$", "");
		return new IOException("the wall could not be finished (" + why + "; is the disk full?); the blocks done so " +
			"far are kept for the next run.", e);
	}

	private String run() throws IOException {
		final long t0 = System.currentTimeMillis(), heap = Runtime.getRuntime().maxMemory();
		final String key = WallKey.of(job, spec, net);
		try (TiffPlanes image = new TiffPlanes(job.image, heap / 5); WallMask mask = WallMask.open(job.mask,
			spec.convention, image.tiff().width(), image.tiff().height(), heap / 10);
			WallWork work = WallWork.open(job.output, key))
		{
			final IntensityMapping map = WallKey.mapping(spec.range, image.tiff().bits());
			final List<HoleRegion> holes = holes(work, mask.holes(), image.tiff().width(), image.tiff().height());
			final BlockPlan plan = BlockPlan.of(image.tiff().width(), image.tiff().height(), holes, net.settings());
			final ChannelPlanes<?> planes = planes(image);
			final List<CoarseFill> coarse = coarse(work, plan, planes, mask.holes(), map);
			final int earlier = runner == null ? blocks(work, plan, planes, mask.holes(), coarse, map, image.tiff().bits())
				: blocksBy(new WallTask(spec, job, key), work, plan);
			final Path temp = job.output.toAbsolutePath().resolveSibling("." + job.output.getFileName() + ".tmp-" +
				ProcessMark.mine() + ".tif");
			final boolean named;
			try {
				Files.deleteIfExists(temp);
				final long[] done = WallAssembly.write(temp, image, plan, work, progress);
				named = publish(temp, plan.report(done[0], (int) done[1] + plan.coarse().size(), map, System
					.currentTimeMillis() - t0));
			}
			finally {
				Files.deleteIfExists(temp);
			}
			try {
				work.delete(); // the result has its name (this run's or another's): the work is done
			}
			catch (final IOException e) {
				// a folder left behind only costs space: the result is whole and named
			}
			if (!named) return null;
			final int withWork = blocksWithWork(plan);
			return String.format(Locale.ROOT, "streamed as a wall of %d block%s, %d with holes%s%s.", plan.blocks(),
				plan.blocks() == 1 ? "" : "s", withWork, earlier > 0 ? " (" + earlier + " done by an earlier run)" : "",
				holes.isEmpty() ? "; the mask is empty, so the result is a copy" : "");
		}
	}

	/** The mask's holes: from the work folder, or found in one pass over the mask and kept there. */
	private List<HoleRegion> holes(final WallWork work, final RandomAccessibleInterval<UnsignedByteType> mask,
		final long width, final long height) throws IOException
	{
		final byte[] kept = work.read(WallState.HOLES);
		final List<HoleRegion> holes = kept != null ? WallState.holes(kept) : HoleScanner.scan(WallMask.watched(mask,
			progress, "reading the mask"));
		long pixels = 0;
		for (final HoleRegion h : holes)
			pixels += h.pixels();
		if (pixels == width * height) throw new BadInputException(
			"The mask covers the whole image, so there is nothing to inpaint from.");
		if (kept == null) work.write(WallState.HOLES, WallState.holes(holes));
		return holes;
	}

	@SuppressWarnings({ "rawtypes", "unchecked" })
	private List<CoarseFill> coarse(final WallWork work, final BlockPlan plan, final ChannelPlanes<?> planes,
		final RandomAccessibleInterval<UnsignedByteType> mask, final IntensityMapping map) throws IOException
	{
		final byte[] kept = work.read(WallState.COARSE);
		if (kept != null) return WallState.coarse(kept);
		progress.progress(0, plan.coarse().size(), "coarse fills of large holes");
		final CoarseRun run = CoarseRun.start(plan, (ChannelPlanes) planes, mask, map, progress);
		net.run(run);
		final List<CoarseFill> fills = run.finish();
		work.write(WallState.COARSE, WallState.coarse(fills));
		return fills;
	}

	/** Runs every block not done yet; returns how many an earlier run had done. */
	private int blocks(final WallWork work, final BlockPlan plan, final ChannelPlanes<?> planes,
		final RandomAccessibleInterval<UnsignedByteType> mask, final List<CoarseFill> coarse,
		final IntensityMapping map, final int bits) throws IOException
	{
		final int total = blocksWithWork(plan);
		int done = 0, earlier = 0;
		long holesLeft = 0;
		for (int b = 0; b < plan.blocks(); b++)
			if (plan.hasWork(b)) {
				if (work.has(WallBlock.fileName(b))) {
					done++;
					earlier++;
				}
				else holesLeft += plan.holesIn(b);
			}
		final long holesTotal = plan.holes().size();
		for (int b = 0; b < plan.blocks(); b++) {
			if (!plan.hasWork(b) || work.has(WallBlock.fileName(b))) continue;
			final String where = String.format(Locale.ROOT, "blocks; holes %d/%d", holesTotal - holesLeft, holesTotal);
			final int d = done;
			final BlockPatch patch = WallBlock.compute(plan, b, planes, mask, coarse, map, bits, net,
				new ProgressListener() {

					@Override
					public void progress(final long windows, final long all, final String message) {
						progress.progress(d, total, where + " (window " + windows + "/" + all + " of this block)");
					}

					@Override
					public boolean isCancelled() {
						return progress.isCancelled();
					}
				});
			work.write(WallBlock.fileName(b), patch.encode());
			holesLeft -= plan.holesIn(b);
			progress.progress(++done, total, String.format(Locale.ROOT, "blocks; holes %d/%d", holesTotal - holesLeft,
				holesTotal));
		}
		return earlier;
	}

	/** Has {@link #runner} compute every block not done yet; returns how many an earlier run had done. */
	private int blocksBy(final WallTask task, final WallWork work, final BlockPlan plan) throws IOException {
		final List<Integer> todo = new java.util.ArrayList<>();
		int earlier = 0;
		for (int b = 0; b < plan.blocks(); b++)
			if (plan.hasWork(b)) {
				if (work.has(WallBlock.fileName(b))) earlier++;
				else todo.add(b);
			}
		if (!todo.isEmpty()) runner.blocks(task, todo, progress);
		if (progress.isCancelled()) throw new org.misf.core.CancelledException();
		for (final int b : todo)
			if (!work.has(WallBlock.fileName(b))) throw new IOException("block " + b + " was not computed");
		return earlier;
	}

	/** Names the checked result and its record, the record first; false when another run's result has the name. */
	private boolean publish(final Path temp, final InpaintingReport r) throws IOException {
		return ResultWriter.publishWithRecord(temp, job.output, spec.record ? file -> Provenance.json(job.image,
			job.mask, job.output, file, spec.convention, spec.job, spec.range, net.inpainter(), r) : null);
	}

	private static int blocksWithWork(final BlockPlan plan) {
		int n = 0;
		for (int b = 0; b < plan.blocks(); b++)
			if (plan.hasWork(b)) n++;
		return n;
	}

	@SuppressWarnings({ "rawtypes", "unchecked" })
	static ChannelPlanes<?> planes(final TiffPlanes image) {
		return ChannelPlanes.of(image.planes().size() == 1 ? (RandomAccessibleInterval) image.planes().get(0)
			: Views.stack((List) image.planes()));
	}

}
