package org.misf.batch;

import java.io.IOException;
import java.io.Serializable;
import java.util.List;

import org.misf.core.BlockPlan;
import org.misf.core.CoarseFill;
import org.misf.core.HoleRegion;
import org.misf.core.IntensityMapping;
import org.misf.core.ProgressListener;
import org.misf.io.TiffPlanes;
import org.misf.model.Inpainter;
import org.misf.model.InpaintingException;

/**
 * The blocks of one wall as units another process computes ({@link BatchRunner}), while the run that planned the
 * wall ({@link WallRun}) holds its work folder: the batch's spec, the wall's job and the key of its work. Any process
 * that reads the same files computes a block from them alone: the hole list and coarse fills the planning run left
 * in the work folder, the image and mask, its own copy of the network ({@link WallBlock}); the block's patch goes
 * into the work folder whole or not at all, and a block whose patch is there is not computed again.
 */
public final class WallTask implements Serializable {

	private static final long serialVersionUID = 1L;

	private final BatchSpec spec;
	private final InpaintJobs.Job job;
	private final String key;

	WallTask(final BatchSpec spec, final InpaintJobs.Job job, final String key) {
		this.spec = spec;
		this.job = job;
		this.key = key;
	}

	/** The wall's file name, for messages. */
	public String name() {
		return job.image.getFileName().toString();
	}

	/**
	 * Computes block {@code b} with {@code inpainter} and leaves its patch in the wall's work folder, unless a whole
	 * patch is there already (an earlier attempt's).
	 *
	 * @throws InpaintingException when this process sees other files or another model than the planning run
	 */
	public void compute(final int b, final Inpainter inpainter, final ProgressListener progress) throws IOException {
		final WallNetwork net = WallNetwork.of(inpainter, spec.job);
		if (!key.equals(WallKey.of(job, spec, net))) throw new InpaintingException("this process sees other files " +
			"or another model than the run that planned the wall " + name() + ".");
		final WallWork work = WallWork.attach(job.output, key);
		if (work.has(WallBlock.fileName(b))) return;
		final long heap = Runtime.getRuntime().maxMemory();
		try (TiffPlanes image = new TiffPlanes(job.image, heap / 5); WallMask mask = WallMask.open(job.mask,
			spec.convention, image.tiff().width(), image.tiff().height(), heap / 10))
		{
			final List<HoleRegion> holes = WallState.holes(kept(work, WallState.HOLES));
			final List<CoarseFill> coarse = WallState.coarse(kept(work, WallState.COARSE));
			final BlockPlan plan = BlockPlan.of(image.tiff().width(), image.tiff().height(), holes, net.settings());
			final IntensityMapping map = WallKey.mapping(spec.range, image.tiff().bits());
			final BlockPatch patch = WallBlock.compute(plan, b, WallRun.planes(image), mask.holes(), coarse, map, image
				.tiff().bits(), net, progress);
			work.write(WallBlock.fileName(b), patch.encode());
		}
	}

	private byte[] kept(final WallWork work, final String name) throws IOException {
		final byte[] data = work.read(name);
		if (data == null) throw new InpaintingException("the work folder of the wall " + name() + " has no " + name +
			"; the run that planned it must write it first.");
		return data;
	}
}
