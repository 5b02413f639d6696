package org.misf.core;

/**
 * How windows are planned: the network's size rules (from its package) and the job's hole dilation, context
 * margin and batch size. Immutable: {@link #forNetwork} gives a network's rules with the default job, and
 * {@link #forJob} the same rules for another job.
 */
public final class PlanSettings {

	/** Largest hole dilation: grown holes are read in arrays of (side + 2 x dilation) squared. */
	public static final int MAX_DILATION = 1000;

	private final int dilation;
	private final int margin;
	private final int multiple;
	private final int minSize;
	private final int maxSize;
	private final int batchSize;
	private final boolean tiles;
	private final int blockSide;

	/**
	 * Side of the blocks an image's windows are grouped in ({@link BlockPlan}): windows are batched within a block,
	 * so whole images and walls streamed block by block give the same pixels.
	 */
	public static final int BLOCK_SIDE = 2048;

	private PlanSettings(final int dilation, final int margin, final int multiple, final int minSize,
		final int maxSize, final int batchSize, final boolean tiles, final int blockSide)
	{
		if (dilation < 0 || dilation > MAX_DILATION) throw new BadInputException("Dilation must be 0 to " +
			MAX_DILATION + " pixels, not " + dilation + ".");
		if (multiple < 1 || minSize < multiple || maxSize < minSize)
			throw new BadInputException("The model's window sizes are inconsistent (multiple " + multiple + ", min " +
				minSize + ", max " + maxSize + ").");
		if (batchSize < 1) throw new BadInputException("Batch size must be at least 1, not " + batchSize + ".");
		this.dilation = dilation;
		this.margin = margin;
		this.multiple = multiple;
		this.minSize = roundUp(minSize, multiple);
		this.maxSize = maxSize / multiple * multiple;
		this.batchSize = batchSize;
		this.tiles = tiles;
		if (blockSide < 64) throw new IllegalArgumentException("block side " + blockSide + " < 64");
		this.blockSide = blockSide;
	}

	/**
	 * A network's size rules, with the choices of {@link InpaintJob#DEFAULTS}.
	 *
	 * @param multiple window sides must be multiples of this (4 for MISF)
	 * @param minSize  smallest window side the network accepts
	 * @param maxSize  largest window side run at full resolution; larger windows are shrunk to fit
	 */
	public static PlanSettings forNetwork(final int multiple, final int minSize, final int maxSize) {
		return new PlanSettings(0, -1, multiple, minSize, maxSize, InpaintJob.DEFAULTS.batchSize(), true,
			BLOCK_SIDE);
	}

	/**
	 * These size rules for {@code job}: its dilation, its margin (automatic: {@code clamp(longer side of the hole
	 * / 2, 32, 128)}) and its batch size.
	 */
	public PlanSettings forJob(final InpaintJob job) {
		return new PlanSettings(job.dilation(), job.margin().orElse(-1), multiple, minSize, maxSize, job.batchSize(),
			tiles, blockSide);
	}

	/**
	 * The same settings with tiles for dense damage and huge holes on or off (off: one window per group of
	 * holes, huge ones only shrunk, as before version 0.2; for comparisons).
	 */
	public PlanSettings withTiles(final boolean on) {
		return new PlanSettings(dilation, margin, multiple, minSize, maxSize, batchSize, on, blockSide);
	}

	/** The same settings with blocks of another side (tests: several blocks on a small image). */
	public PlanSettings withBlockSide(final int side) {
		return new PlanSettings(dilation, margin, multiple, minSize, maxSize, batchSize, tiles, side);
	}

	/** Side of the blocks windows are grouped in ({@link #BLOCK_SIDE} unless changed). */
	public int blockSide() { return blockSide; }

	/** Whether dense damage and huge holes are filled through tiles. */
	public boolean tiles() { return tiles; }

	public int dilation() { return dilation; }

	public int margin() { return margin; }

	public int multiple() { return multiple; }

	public int minSize() { return minSize; }

	public int maxSize() { return maxSize; }

	public int batchSize() { return batchSize; }

	/** The margin used around a hole box of the given size. */
	public long marginFor(final long width, final long height) {
		if (margin >= 0) return margin;
		return Math.max(32, Math.min(128, (Math.max(width, height) + 1) / 2));
	}

	static int roundUp(final long v, final int m) {
		return (int) ((v + m - 1) / m * m);
	}
}
