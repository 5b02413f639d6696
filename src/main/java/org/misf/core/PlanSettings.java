package org.misf.core;

/**
 * How windows are planned: the network's size rules (from its package) and the job's hole dilation, context
 * margin and batch size. Immutable: {@link #forNetwork} gives a network's rules with the default job, and
 * {@link #forJob} the same rules for another job.
 */
public final class PlanSettings {

	/** Largest hole dilation: grown holes are read in arrays of (side + 2 x dilation) squared. */
	public static final int MAX_DILATION = 1000;

	/**
	 * Largest tile side. A tile's cost per useful pixel (the pixels of its cell: the tile less its context)
	 * falls as the side grows, because the context is a smaller share of a larger tile while the network's time
	 * grows with its pixels about in proportion: on this project's machine a 512 px tile took 1.9 times less CPU
	 * time per useful pixel than a 256 px one, and no side from 256 to 448 took less ({@code bench --parts tiles},
	 * README "Speed"). So tiles are as large as the model runs at full resolution, up to this side, which bounds
	 * the memory of one forward pass.
	 */
	public static final int MAX_TILE_SIDE = 512;

	private final int dilation;
	private final int margin;
	private final int multiple;
	private final int minSize;
	private final int maxSize;
	private final int batchSize;
	private final boolean tiles;
	private final int tileSide; // 0: the default rule (tileSide())
	private final int blockSide;

	/**
	 * Side of the blocks an image's windows are grouped in ({@link BlockPlan}): windows are batched within a block,
	 * so whole images and walls streamed block by block give the same pixels.
	 */
	public static final int BLOCK_SIDE = 2048;

	private PlanSettings(final int dilation, final int margin, final int multiple, final int minSize,
		final int maxSize, final int batchSize, final boolean tiles, final int tileSide, final int blockSide)
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
		if (tileSide > 0 && (tileSide / multiple * multiple < this.minSize || tileSide > this.maxSize))
			throw new BadInputException("A tile side must be " + this.minSize + " to " + this.maxSize +
				" pixels for this model, not " + tileSide + ".");
		this.tileSide = tileSide;
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
		return new PlanSettings(0, -1, multiple, minSize, maxSize, InpaintJob.DEFAULTS.batchSize(), true, 0,
			BLOCK_SIDE);
	}

	/**
	 * These size rules for {@code job}: its dilation, its margin (automatic: {@code clamp(longer side of the hole
	 * / 2, 32, 128)}) and its batch size.
	 */
	public PlanSettings forJob(final InpaintJob job) {
		return new PlanSettings(job.dilation(), job.margin().orElse(-1), multiple, minSize, maxSize, job.batchSize(),
			tiles, tileSide, blockSide);
	}

	/**
	 * The same settings with tiles for dense damage and huge holes on or off (off: one window per group of
	 * holes, huge ones only shrunk, as before version 0.2; for comparisons).
	 */
	public PlanSettings withTiles(final boolean on) {
		return new PlanSettings(dilation, margin, multiple, minSize, maxSize, batchSize, on, tileSide, blockSide);
	}

	/** The same settings with tiles of {@code side} pixels (rounded down to the multiple), for comparisons. */
	public PlanSettings withTileSide(final int side) {
		if (side < 1) throw new BadInputException("A tile side must be at least 1 pixel, not " + side + ".");
		return new PlanSettings(dilation, margin, multiple, minSize, maxSize, batchSize, tiles, side, blockSide);
	}

	/** The same settings with blocks of another side (tests: several blocks on a small image). */
	public PlanSettings withBlockSide(final int side) {
		return new PlanSettings(dilation, margin, multiple, minSize, maxSize, batchSize, tiles, tileSide, side);
	}

	/** Side of the blocks windows are grouped in ({@link #BLOCK_SIDE} unless changed). */
	public int blockSide() { return blockSide; }

	/** Whether dense damage and huge holes are filled through tiles. */
	public boolean tiles() { return tiles; }

	/** The side of the tiles: the largest the model allows, at most {@link #MAX_TILE_SIDE}, unless set. */
	public int tileSide() {
		return (tileSide > 0 ? tileSide : Math.min(MAX_TILE_SIDE, maxSize)) / multiple * multiple;
	}

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
