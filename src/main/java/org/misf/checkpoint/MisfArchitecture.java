package org.misf.checkpoint;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The state-dict layout (keys and shapes, in order) of {@code MISFGenerator(width, blocks)} from
 * training/misf/network.py, which for width 64 and 8 blocks is the authors' release
 * (reference/misf-generator-state-dict.tsv: 92 keys, 23,059,493 parameters).
 */
public final class MisfArchitecture {

	/** The authors' release. */
	public static final int RELEASE_WIDTH = 64;
	public static final int RELEASE_BLOCKS = 8;

	private static final String WIDTH_KEY = "encoder0.1.weight";

	private final int width;
	private final int blocks;
	private final Map<String, long[]> shapes = new LinkedHashMap<>();

	private MisfArchitecture(final int width, final int blocks) {
		this.width = width;
		this.blocks = blocks;
		final long w = width;
		conv("encoder0.1", w, 4, 7);
		conv("encoder1.0", 2 * w, w, 4);
		conv("encoder2.0", 4 * w, 2 * w, 4);
		for (int b = 0; b < blocks; b++) {
			conv("middle." + b + ".conv_block.1", 4 * w, 4 * w, 3);
			conv("middle." + b + ".conv_block.5", 4 * w, 4 * w, 3);
		}
		transposedConv("decoder.0", 4 * w, 2 * w, 4);
		transposedConv("decoder.3", 2 * w, w, 4);
		conv("decoder.7", 3, w, 7);
		basic("kpn_model.conv1", 4, w);
		basic("kpn_model.conv2", w, 2 * w);
		basic("kpn_model.conv3", 4 * w, 4 * w);
		basic("kpn_model.conv4", 4 * w, 8 * w);
		basic("kpn_model.conv7", 12 * w, 4 * w);
		basic("kpn_model.conv8", 8 * w, 2 * w);
		basic("kpn_model.conv9", 3 * w, w);
		conv("kpn_model.kernels", 9 * w, 4 * w, 1);
		conv("kpn_model.core_img", 27, w, 1);
		conv("kpn_model.conv_final", 3, 12, 3);
	}

	public static MisfArchitecture of(final int width, final int blocks) {
		if (width < 1 || width > 1024 || blocks < 1 || blocks > 64)
			throw new IllegalArgumentException("no MISF generator of width " + width + " with " + blocks + " blocks");
		return new MisfArchitecture(width, blocks);
	}

	/** The release layout (width 64, 8 residual blocks). */
	public static MisfArchitecture release() {
		return of(RELEASE_WIDTH, RELEASE_BLOCKS);
	}

	/**
	 * The architecture a state dict was made for: width from {@code encoder0.1.weight}, the number of
	 * residual blocks from the {@code middle.<n>} keys; the release layout when these cannot be told.
	 */
	public static MisfArchitecture guess(final Map<String, StoredTensor> stateDict) {
		final StoredTensor first = stateDict.get(WIDTH_KEY);
		final long[] shape = first == null ? null : first.shape();
		final int width = shape != null && shape.length == 4 && shape[0] >= 1 && shape[0] <= 1024 ? (int) shape[0]
			: RELEASE_WIDTH;
		int blocks = 0;
		while (stateDict.containsKey("middle." + blocks + ".conv_block.1.weight"))
			blocks++;
		return of(width, blocks == 0 ? RELEASE_BLOCKS : Math.min(blocks, 64));
	}

	public int width() {
		return width;
	}

	public int residualBlocks() {
		return blocks;
	}

	/** Keys and shapes, in the order of the state dict. */
	public Map<String, long[]> shapes() {
		return Collections.unmodifiableMap(shapes);
	}

	public long parameterCount() {
		long n = 0;
		for (final long[] s : shapes.values()) {
			long p = 1;
			for (final long d : s)
				p *= d;
			n += p;
		}
		return n;
	}

	@Override
	public String toString() {
		return "MISF width " + width + " with " + blocks + " residual blocks";
	}

	private void conv(final String name, final long out, final long in, final long k) {
		shapes.put(name + ".weight", new long[] { out, in, k, k });
		shapes.put(name + ".bias", new long[] { out });
	}

	private void transposedConv(final String name, final long in, final long out, final long k) {
		shapes.put(name + ".weight", new long[] { in, out, k, k });
		shapes.put(name + ".bias", new long[] { out });
	}

	/** {@code Basic}: three 3x3 convolutions at indices 0, 2, 4 of its {@code conv1} Sequential. */
	private void basic(final String name, final long in, final long out) {
		conv(name + ".conv1.0", out, in, 3);
		conv(name + ".conv1.2", out, out, 3);
		conv(name + ".conv1.4", out, out, 3);
	}
}
