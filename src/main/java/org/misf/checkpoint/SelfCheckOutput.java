package org.misf.checkpoint;

import java.io.IOException;
import java.nio.file.Path;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.inference.Predictor;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.NoopTranslator;
import ai.djl.translate.TranslateException;
import org.misf.model.EngineThreads;
import org.misf.model.MisfNetwork;

/**
 * Runs a written model.pt, loaded as inference would load it, once on one image + mask (batch 1, CPU).
 * TorchScript's profiling graph optimiser is switched off on this thread for that single run: it would
 * spend ~2 s (width 64) optimising a graph that is used only once.
 */
final class SelfCheckOutput {

	private SelfCheckOutput() {}

	/**
	 * The composited RGB output (1x3xHxW, row-major) of {@code modelFile} for {@code image} and {@code mask}; a
	 * non-finite output is computed again ({@link MisfNetwork#firstFinite}) before it is returned as it is.
	 */
	static float[] compute(final Path modelFile, final float[] image, final float[] mask, final int height,
		final int width) throws IOException
	{
		final Criteria<NDList, NDList> criteria = Criteria.builder().setTypes(NDList.class, NDList.class)
			.optModelPath(modelFile).optEngine("PyTorch").optDevice(Device.cpu())
			.optTranslator(new NoopTranslator()).build();
		try (ZooModel<NDList, NDList> model = criteria.loadModel();
			Predictor<NDList, NDList> predictor = model.newPredictor();
			NDManager manager = EngineThreads.engine().newBaseManager(Device.cpu()))
		{
			final NDList input = new NDList(manager.create(image, new Shape(1, 3, height, width)),
				manager.create(mask, new Shape(1, 1, height, width)));
			JniUtils.setGraphExecutorOptimize(false);
			try {
				return MisfNetwork.firstFinite(() -> {
					try (NDList output = predictor.predict(input)) {
						return output.singletonOrThrow().toFloatArray();
					}
				});
			}
			finally {
				JniUtils.setGraphExecutorOptimize(true);
			}
		}
		catch (final ModelNotFoundException | MalformedModelException | TranslateException e) {
			throw new IOException("the written model cannot be run: " + e.getMessage(), e);
		}
	}
}
