package org.misf.metrics;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;

/**
 * How an LPIPS package's TorchScript ({@code forward(a, b) -> distance}, inputs [n,3,h,w] in [-1, 1]) takes a
 * pair of image batches and what it must give back: one distance per pair. The arrays live in the predictor's
 * scope of the call, which DJL closes when the call ends.
 */
final class LpipsTranslator implements NoBatchifyTranslator<LpipsTranslator.Pairs, float[]> {

	private static final String COUNT = "lpips.n";

	private final String label;

	/** @param label the LPIPS package's name, for messages */
	LpipsTranslator(final String label) {
		this.label = label;
	}

	/** {@code n} pairs of {@code h x w} RGB images, as [n,3,h,w] arrays in [-1, 1] (row-major, channel planes). */
	static final class Pairs {

		final float[] a, b;
		final int n, h, w;

		Pairs(final float[] a, final float[] b, final int n, final int h, final int w) {
			this.a = a;
			this.b = b;
			this.n = n;
			this.h = h;
			this.w = w;
		}
	}

	@Override
	public NDList processInput(final TranslatorContext ctx, final Pairs p) {
		final NDManager m = ctx.getNDManager();
		final Shape shape = new Shape(p.n, 3, p.h, p.w);
		ctx.setAttachment(COUNT, p.n);
		return new NDList(m.create(p.a, shape), m.create(p.b, shape));
	}

	@Override
	public float[] processOutput(final TranslatorContext ctx, final NDList out) {
		final NDArray d = out.singletonOrThrow();
		if (d.size() != (Integer) ctx.getAttachment(COUNT)) throw new MetricsException("The " + label +
			" network returned " + d.getShape() + " instead of one distance per image.");
		return d.toFloatArray();
	}
}
