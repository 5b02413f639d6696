package org.misf.batch;

import java.nio.file.Path;

import org.misf.core.MaskConvention;
import org.misf.io.RangeChoice;
import org.misf.model.InpaintOptions;

/**
 * What a batch does: an image or a folder of images, the mask(s) and where results go (as {@code inpaint IMAGE
 * MASK -o OUT}), the shard, and how to inpaint. Immutable; both front-ends build one and hand it to
 * {@link FolderBatchRun}.
 */
public final class BatchSpec {

	final Path image;
	final Path mask;
	final String output;
	final String shard;
	final InpaintOptions options;
	final RangeChoice range;
	final MaskConvention convention;
	final boolean record;
	final boolean saveChanges;

	/**
	 * @param output a file, or a folder (ending in / or without extension; for a folder of images, a folder)
	 * @param shard "I/N" or null
	 * @param range the intensity range, applied to {@code options} per image
	 * @param record write NAME.json next to each result
	 * @param saveChanges write NAME.holes.png and NAME.changed.png next to each result
	 */
	public BatchSpec(final Path image, final Path mask, final String output, final String shard,
		final InpaintOptions options, final RangeChoice range, final MaskConvention convention, final boolean record,
		final boolean saveChanges)
	{
		this.image = image;
		this.mask = mask;
		this.output = output;
		this.shard = shard;
		this.options = options;
		this.range = range;
		this.convention = convention;
		this.record = record;
		this.saveChanges = saveChanges;
	}
}
