package org.misf.batch;

import java.io.Serializable;
import java.nio.file.Path;
import java.nio.file.Paths;

import org.misf.core.InpaintJob;
import org.misf.core.MaskConvention;
import org.misf.io.RangeChoice;

/**
 * What a batch does: an image or a folder of images, the mask(s) and where results go (as {@code inpaint IMAGE
 * MASK -o OUT}), the shard, how to inpaint, how masks are read, and what is written besides each result.
 * Immutable; both front-ends make one with {@link #builder} and hand it to {@link FolderBatchRun}. Serializable (as
 * its choices in plain values), so that another process can do some of its images or a wall's blocks
 * ({@link BatchRunner}).
 */
public final class BatchSpec implements Serializable {

	private static final long serialVersionUID = 1L;

	final Path image;
	final Path mask;
	final String output;
	final String shard;
	final InpaintJob job;
	final RangeChoice range;
	final MaskConvention convention;
	final boolean record;
	final boolean saveChanges;
	/** {@link #job} with {@link #range} applied, decided once for the batch; null when the range is each image's. */
	final transient InpaintJob sameForEveryImage;

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
		this.sameForEveryImage = range.needsImage() ? null : range.applyTo(job, null);
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

	private Object writeReplace() {
		return new Plain(this);
	}

	private void readObject(final java.io.ObjectInputStream in) throws java.io.InvalidObjectException {
		throw new java.io.InvalidObjectException("a BatchSpec travels as its plain values");
	}

	/** The spec's choices as plain values, read back through the builder (its checks included). */
	private static final class Plain implements Serializable {

		private static final long serialVersionUID = 1L;

		private final String image, mask, output, shard, range;
		private final int dilation, margin, batchSize;
		private final double min, max, threshold;
		private final boolean invert, record, saveChanges;

		Plain(final BatchSpec s) {
			image = s.image.toAbsolutePath().toString(); // other processes run in other folders
			mask = s.mask == null ? null : s.mask.toAbsolutePath().toString();
			output = Paths.get(s.output).toAbsolutePath() + (s.output.endsWith("/") || s.output.endsWith(
				java.io.File.separator) ? java.io.File.separator : "");
			shard = s.shard;
			range = s.range.toString();
			dilation = s.job.dilation();
			margin = s.job.margin().orElse(-1);
			batchSize = s.job.batchSize();
			min = s.job.range().map(r -> r.min()).orElse(Double.NaN);
			max = s.job.range().map(r -> r.max()).orElse(Double.NaN);
			threshold = s.convention.threshold();
			invert = s.convention.inverted();
			record = s.record;
			saveChanges = s.saveChanges;
		}

		private Object readResolve() {
			final InpaintJob.Builder job = InpaintJob.builder().dilation(dilation).margin(margin).batchSize(batchSize);
			if (!Double.isNaN(min)) job.range(min, max);
			return builder(Paths.get(image), mask == null ? null : Paths.get(mask), output).shard(shard).job(job.build())
				.range(RangeChoice.parse(range)).convention(new MaskConvention(threshold, invert)).record(record)
				.saveChanges(saveChanges).build();
		}
	}
}
