package org.misf.checkpoint;

/**
 * The fixed, non-square (64x96) test input an imported package ships, with the same holes as the
 * pair of training/export.py: rows 16-39 x columns 24-59 and rows 50-53 x columns 8-89. The image is a
 * smooth gradient with deterministic texture, so it needs no random generator shared with Python.
 */
final class SelfCheckInput {

	static final int HEIGHT = 64;
	static final int WIDTH = 96;

	private SelfCheckInput() {}

	/** RGB in [0, 1], shape 1x3x64x96, row-major. */
	static float[] image() {
		final float[] out = new float[3 * HEIGHT * WIDTH];
		long state = 7;
		for (int c = 0; c < 3; c++)
			for (int y = 0; y < HEIGHT; y++)
				for (int x = 0; x < WIDTH; x++) {
					state = state * 6364136223846793005L + 1442695040888963407L;
					final double noise = (state >>> 40) / (double) (1L << 24);
					final double v = 0.5 * noise + 0.25 * y / (HEIGHT - 1) + 0.25 * x / (WIDTH - 1);
					out[(c * HEIGHT + y) * WIDTH + x] = (float) Math.min(1, v);
				}
		return out;
	}

	/** 1 = hole, shape 1x1x64x96. */
	static float[] mask() {
		final float[] out = new float[HEIGHT * WIDTH];
		fill(out, 16, 40, 24, 60);
		fill(out, 50, 54, 8, 90);
		return out;
	}

	private static void fill(final float[] mask, final int y0, final int y1, final int x0, final int x1) {
		for (int y = y0; y < y1; y++)
			for (int x = x0; x < x1; x++)
				mask[y * WIDTH + x] = 1;
	}
}
