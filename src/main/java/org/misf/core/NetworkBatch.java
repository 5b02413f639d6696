package org.misf.core;

/**
 * One network call's input: {@code batch} windows of {@code height x width}, as the network takes them (NCHW,
 * no tensor library): {@code image} is {@code batch x 3 x height x width} RGB in [0, 1], {@code mask} is
 * {@code batch x 1 x height x width} with 1 = hole, 0 = known. The output has the shape of {@code image}.
 */
public final class NetworkBatch {

	private final float[] image;
	private final float[] mask;
	private final int batch;
	private final int height;
	private final int width;

	public NetworkBatch(final float[] image, final float[] mask, final int batch, final int height, final int width) {
		if (image.length != batch * 3 * height * width || mask.length != batch * height * width)
			throw new IllegalArgumentException("arrays of " + image.length + " and " + mask.length +
				" values do not hold " + batch + " windows of " + width + "x" + height);
		this.image = image;
		this.mask = mask;
		this.batch = batch;
		this.height = height;
		this.width = width;
	}

	/** The arrays themselves, not copies. */
	public float[] image() { return image; }

	public float[] mask() { return mask; }

	public int batch() { return batch; }

	public int height() { return height; }

	public int width() { return width; }
}
