package org.misf.batch;

import java.nio.file.Path;

import org.misf.core.InpaintJob;
import org.misf.core.MaskConvention;
import org.misf.io.RangeChoice;

/**
 * What a batch does: an image or a folder of images, the mask(s) and where results go (as {@code inpaint IMAGE
 * MASK -o OUT}), the shard, how to inpaint, how masks are read, and what is written besides each result.
 * Immutable; both front-ends make one with {@link #builder} and hand it to {@link FolderBatchRun}.
 */
public final class BatchSpec {

	final Path image;
	final Path mask;
	final String output;
	final String shard;
	final InpaintJob job;
	final RangeChoice range;
	final MaskConvention convention;
	final boolean record;
	final boolean saveChanges;

	private BatchSpec(final Builder b) {
		this.image = b.image;
		this.mask = b.mask;
		this.output = b.output;
		this.shard = b.shard;
		this.job = b.job;
		this.range = b.range;
		this.convention = b.convention;
		this.record = b.record;
		this.saveChanges = b.saveChanges;
	}

	/**
	 * A batch of {@code image} with {@code mask} into {@code output}: all shards, {@link InpaintJob#DEFAULTS},
	 * automatic range, non-zero masks, with records, without change images.
	 *
	 * @param output a file, or a folder (ending in / or without extension; for a folder of images, a folder)
	 */
	public static Builder builder(final Path image, final Path mask, final String output) {
		return new Builder(image, mask, output);
	}

	/** Sets what a batch does; {@link #build} makes the spec. */
	public static final class Builder {

		private final Path image;
		private final Path mask;
		private final String output;
		private String shard;
		private InpaintJob job = InpaintJob.DEFAULTS;
		private RangeChoice range = RangeChoice.AUTO;
		private MaskConvention convention = MaskConvention.NON_ZERO;
		private boolean record = true;
		private boolean saveChanges;

		private Builder(final Path image, final Path mask, final String output) {
			this.image = image;
			this.mask = mask;
			this.output = output;
		}

		/** "I/N": every N-th image starting at I; null for all. */
		public Builder shard(final String iOfN) {
			shard = iOfN;
			return this;
		}

		/** How each image is inpainted (its progress listener is the batch's, per image). */
		public Builder job(final InpaintJob j) {
			job = j;
			return this;
		}

		/** The intensity range, applied to the job per image. */
		public Builder range(final RangeChoice r) {
			range = r;
			return this;
		}

		/** How mask images mark holes. */
		public Builder convention(final MaskConvention c) {
			convention = c;
			return this;
		}

		/** Whether NAME.json goes next to each result. */
		public Builder record(final boolean on) {
			record = on;
			return this;
		}

		/** Whether NAME.holes.png and NAME.changed.png go next to each result. */
		public Builder saveChanges(final boolean on) {
			saveChanges = on;
			return this;
		}

		public BatchSpec build() {
			return new BatchSpec(this);
		}
	}
}
