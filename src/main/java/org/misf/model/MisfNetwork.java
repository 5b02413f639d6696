package org.misf.model;

import java.io.IOException;

import ai.djl.MalformedModelException;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.NoopTranslator;
import ai.djl.translate.TranslateException;

import org.misf.core.InpaintingNetwork;
import org.misf.core.MisfException;
import org.misf.core.NetworkBatch;

/**
 * A MISF package's TorchScript on DJL's PyTorch engine: loaded once on the device {@link Device#resolve} chose,
 * with one predictor whose {@link MisfTranslator} lays the windows out; every call works in the predictor's own
 * scope, which DJL closes when the call ends, so native memory does not grow over long batches. An output with NaN or
 * infinite values is never passed on ({@link FiniteOutput}: the call is repeated, then refused). Failures are
 * {@link InpaintingException}s; a {@link MisfException} from inside a call is passed on as it is.
 */
public final class MisfNetwork implements InpaintingNetwork, ForwardPass, AutoCloseable {

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
			.optModelPath(pkg.weights()).optEngine("PyTorch").optDevice(this.device).optTranslator(new MisfTranslator(
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
			final float[] out = FiniteOutput.firstFinite(() -> predictor.predict(batch));
			if (!FiniteOutput.isFinite(out)) throw new InpaintingException("The model of package " + pkg +
				" returned NaN or infinite values for a " + batch.width() + "x" + batch.height() + " window " +
				FiniteOutput.ATTEMPTS + " times in a row; that window was not filled.");
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
}
