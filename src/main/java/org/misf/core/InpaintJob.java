package org.misf.core;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * How one image is inpainted, as its caller chose: hole dilation, context margin, windows per network call, the
 * intensity range mapped to [0, 1] (none: decided by {@link IntensityMapping}'s rules), and where progress goes and
 * cancelling comes from. The one carrier of these choices from a front-end to the window run; immutable, made by
 * its {@link Builder}.
 */
public final class InpaintJob {

	/** No dilation, automatic margin, 4 windows per call, automatic range, no progress. */
	public static final InpaintJob DEFAULTS = builder().build();

	private final int dilation;
	private final int margin;
	private final int batchSize;
	private final IntensityMapping range;
	private final ProgressListener progress;

	private InpaintJob(final Builder b) {
		this.dilation = b.dilation;
		this.margin = b.margin;
		this.batchSize = b.batchSize;
		this.range = b.range;
		this.progress = b.progress;
	}

	public static Builder builder() {
		return new Builder();
	}

	/** A builder holding this job's choices, to change some of them. */
	public Builder toBuilder() {
		final Builder b = new Builder();
		b.dilation = dilation;
		b.margin = margin;
		b.batchSize = batchSize;
		b.range = range;
		b.progress = progress;
		return b;
	}

	/** Grow every hole by this many pixels before inpainting (covers damage edges). */
	public int dilation() { return dilation; }

	/** Context around each hole in pixels; empty: automatic (from the hole's size, {@link PlanSettings}). */
	public OptionalInt margin() {
		return margin < 0 ? OptionalInt.empty() : OptionalInt.of(margin);
	}

	/** Windows per network call. */
	public int batchSize() { return batchSize; }

	/** The range mapped to [0, 1] when the caller chose one; empty: {@link IntensityMapping#choose}'s rules. */
	public Optional<IntensityMapping> range() {
		return Optional.ofNullable(range);
	}

	/** Where window progress goes and whether to stop ({@link ProgressListener#NONE} when nobody listens). */
	public ProgressListener progress() { return progress; }

	/** Sets the choices of a job; {@link #build} checks them. */
	public static final class Builder {

		private int dilation;
		private int margin = -1;
		private int batchSize = 4;
		private IntensityMapping range;
		private ProgressListener progress = ProgressListener.NONE;

		private Builder() {}

		public Builder dilation(final int px) {
			if (px < 0 || px > PlanSettings.MAX_DILATION) throw new BadInputException("Dilation must be 0 to " +
				PlanSettings.MAX_DILATION + " pixels, not " + px + ".");
			dilation = px;
			return this;
		}

		/** Context around each hole; a negative number means automatic (the command line's default of -1). */
		public Builder margin(final int px) {
			margin = Math.max(-1, px);
			return this;
		}

		public Builder batchSize(final int n) {
			if (n < 1) throw new BadInputException("Batch size must be at least 1, not " + n + ".");
			batchSize = n;
			return this;
		}

		/** Maps [min, max] to the network's [0, 1] (values outside are clamped for the network only). */
		public Builder range(final double min, final double max) {
			range = new IntensityMapping(min, max);
			return this;
		}

		/** Back to the automatic range. */
		public Builder automaticRange() {
			range = null;
			return this;
		}

		public Builder progress(final ProgressListener listener) {
			progress = listener == null ? ProgressListener.NONE : listener;
			return this;
		}

		public InpaintJob build() {
			return new InpaintJob(this);
		}
	}
}
