package org.misf.model;

import java.io.IOException;

import ai.djl.MalformedModelException;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.NoopTranslator;
import ai.djl.translate.TranslateException;
import ai.djl.translate.TranslatorContext;

import org.misf.core.InpaintingNetwork;
import org.misf.core.MisfException;
import org.misf.core.NetworkBatch;

/**
 * A MISF package's TorchScript on DJL's PyTorch engine: loaded once on the device {@link Device#resolve} chose,
 * with one predictor whose {@link WindowTranslator} lays the windows out; every call works in the predictor's own
 * scope, which DJL closes when the call ends, so native memory does not grow over long batches. An output with NaN or
 * infinite values is never passed on ({@link #firstFinite}: the call is repeated, then refused). Failures are
 * {@link InpaintingException}s; a {@link MisfException} from inside a call is passed on as it is.
 * <p>
 * It is also the one place that decides what happens when a forward pass returns NaN or infinite values: it is run
 * again, up to {@link #ATTEMPTS} times in all. The PyTorch build the plugin bundles (libtorch 2.5.1 on DJL 0.33, CPU)
 * now and then returns a NaN-filled convolution for a finite input in the first calls after a model is loaded (seen
 * with the width-8 test network: a 24-to-8-channel 3x3 convolution, about 3 loads in 100; the same input is finite
 * on the next call). A fault that stays, such as weights that overflow, is still non-finite after the last attempt
 * and the caller refuses it (this class, and the checkpoint importer's self-check).
 */
public final class MisfNetwork implements InpaintingNetwork, ForwardPass, AutoCloseable {

	/** How many times a forward pass is tried before its non-finite output counts. */
	public static final int ATTEMPTS = 3;

	/** One forward pass. */
	@FunctionalInterface
	public interface Pass<E extends Exception> {
		float[] run() throws E;
	}

	private final String pkg;
	private final ai.djl.Device device;
	private final ZooModel<NetworkBatch, float[]> model;
	private final Predictor<NetworkBatch, float[]> predictor;
	private Predictor<NDList, NDList> bare;
	private long networkNanos;
	private long networkCalls;

	/** Loads the package's weights on {@code device} and runs one small window (interface check, first-call costs). */
	MisfNetwork(final ModelPackage pkg, final Device device) {
		this.pkg = pkg.toString();
		this.device = device.resolve();
		final Criteria<NetworkBatch, float[]> criteria = Criteria.builder().setTypes(NetworkBatch.class, float[].class)
			.optModelPath(pkg.weights()).optEngine("PyTorch").optDevice(this.device).optTranslator(new WindowTranslator(
				this.pkg)).optOption("mapLocation", "true").build();
		try {
			model = criteria.loadModel();
		}
		catch (final ModelNotFoundException | MalformedModelException | IOException | RuntimeException e) {
			throw new InpaintingException("The weights of model package " + pkg +
				" cannot be loaded as TorchScript (" + MisfException.firstLine(e) + ").", e);
		}
		predictor = model.newPredictor();
		try {
			warmUp(pkg);
		}
		catch (final RuntimeException e) {
			close();
			throw e;
		}
	}

	/** Runs one small window to check the model's interface and to pay the first-call costs now. */
	private void warmUp(final ModelPackage p) {
		final int s = Math.max(p.minSize(), 64) / p.sizeMultiple() * p.sizeMultiple();
		final float[] image = new float[3 * s * s];
		final float[] mask = new float[s * s];
		for (int i = 0; i < image.length; i++)
			image[i] = (i % 7) / 7f;
		for (int y = s / 4; y < s / 2; y++)
			for (int x = s / 4; x < s / 2; x++)
				mask[y * s + x] = 1;
		run(new NetworkBatch(image, mask, 1, s, s));
		resetCounters();
	}

	@Override
	public synchronized float[] run(final NetworkBatch batch) {
		final long t0 = System.nanoTime();
		try {
			final float[] out = firstFinite(() -> predictor.predict(batch));
			if (!isFinite(out)) throw new InpaintingException("The model of package " + pkg +
				" returned NaN or infinite values for a " + batch.width() + "x" + batch.height() + " window " +
				ATTEMPTS + " times in a row; that window was not filled.");
			return out;
		}
		catch (final TranslateException e) {
			if (e.getCause() instanceof MisfException) throw (MisfException) e.getCause();
			throw new InpaintingException("The model of package " + pkg + " failed on a " + batch.width() + "x" + batch
				.height() + " window (" + MisfException.firstLine(e) + ").", e);
		}
		finally {
			networkNanos += System.nanoTime() - t0;
			networkCalls++;
		}
	}

	@Override
	public NDManager newInputManager() {
		return model.getNDManager().newSubManager();
	}

	@Override
	public synchronized void forward(final NDList input) {
		if (bare == null) bare = model.newPredictor(new NoopTranslator());
		try {
			bare.predict(input).close();
		}
		catch (final TranslateException e) {
			throw new InpaintingException("The model of package " + pkg + " failed (" + MisfException.firstLine(e) + ").",
				e);
		}
	}

	/** Whether every value is finite. */
	public static boolean isFinite(final float[] values) {
		for (final float v : values)
			if (!Float.isFinite(v)) return false;
		return true;
	}

	/** Runs {@code pass} until its output is finite, at most {@link #ATTEMPTS} times; returns the last output. */
	public static <E extends Exception> float[] firstFinite(final Pass<E> pass) throws E {
		float[] out = pass.run();
		for (int attempt = 1; attempt < ATTEMPTS && !isFinite(out); attempt++)
			out = pass.run();
		return out;
	}

	/** The device in use ("cpu()" or "gpu(0)"). */
	public String device() { return device.toString(); }

	/** Whether it runs on a GPU. */
	boolean onGpu() { return device.isGpu(); }

	/** Time spent in network calls since the last reset (arrays in, forward, copy back), in ns. */
	public synchronized long networkNanos() { return networkNanos; }

	/** Network calls since the last reset. */
	public synchronized long networkCalls() { return networkCalls; }

	synchronized void resetCounters() {
		networkNanos = 0;
		networkCalls = 0;
	}

	@Override
	public void close() {
		if (bare != null) bare.close();
		predictor.close();
		model.close();
	}

	/**
	 * How a MISF package's TorchScript takes a batch of windows (its {@code forward(image [B,3,H,W] in [0,1], mask
	 * [B,1,H,W], 1 = hole)}) and what it must give back: one array of the image's shape, read back as floats. The
	 * arrays live in the predictor's scope of the call, which DJL closes when the call ends.
	 */
	static final class WindowTranslator implements NoBatchifyTranslator<NetworkBatch, float[]> {

		private static final String SHAPE = "misf.shape";

		private final String pkg;

		/** @param pkg the package, as the user knows it (for messages) */
		WindowTranslator(final String pkg) {
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
			if (out.size() != 1 || !out.get(0).getShape().equals(expected)) throw new InpaintingException("The model " +
				"of package " + pkg + " returned " + java.util.Arrays.toString(out.getShapes()) +
				" instead of one array of shape " + expected + ".");
			return out.get(0).toType(DataType.FLOAT32, false).toFloatArray();
		}
	}
}
