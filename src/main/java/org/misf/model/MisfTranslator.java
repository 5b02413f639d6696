package org.misf.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;

import org.misf.core.NetworkBatch;

/**
 * How a MISF package's TorchScript takes a batch of windows (its {@code forward(image [B,3,H,W] in [0,1], mask
 * [B,1,H,W], 1 = hole)}) and what it must give back: one array of the image's shape, read back as floats. The
 * arrays live in the predictor's scope of the call, which DJL closes when the call ends.
 */
final class MisfTranslator implements NoBatchifyTranslator<NetworkBatch, float[]> {

	private static final String SHAPE = "misf.shape";

	private final String pkg;

	/** @param pkg the package, as the user knows it (for messages) */
	MisfTranslator(final String pkg) {
		this.pkg = pkg;
	}

	@Override
	public NDList processInput(final TranslatorContext ctx, final NetworkBatch b) {
		final NDManager m = ctx.getNDManager();
		final NDArray image = m.create(b.image(), new Shape(b.batch(), 3, b.height(), b.width()));
		final NDArray mask = m.create(b.mask(), new Shape(b.batch(), 1, b.height(), b.width()));
		ctx.setAttachment(SHAPE, image.getShape());
		return new NDList(image, mask);
	}

	@Override
	public float[] processOutput(final TranslatorContext ctx, final NDList out) {
		final Shape expected = (Shape) ctx.getAttachment(SHAPE);
		if (out.size() != 1 || !out.get(0).getShape().equals(expected)) throw new InpaintingException("The model of " +
			"package " + pkg + " returned " + java.util.Arrays.toString(out.getShapes()) +
			" instead of one array of shape " + expected + ".");
		return out.get(0).toType(DataType.FLOAT32, false).toFloatArray();
	}
}
