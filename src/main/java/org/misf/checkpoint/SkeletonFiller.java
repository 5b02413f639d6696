package org.misf.checkpoint;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.ref.Reference;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.misf.core.CancelledException;
import org.misf.core.ProgressListener;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.NoopTranslator;

/**
 * Fills a zero-weight TorchScript skeleton with a checkpoint's tensors and writes the result as a
 * TorchScript file. The skeleton is loaded with DJL's {@code trainParam} option so that its parameters
 * are ordinary (not inference) tensors that can be overwritten in place; the filled module is written
 * back by libtorch ({@code torch::jit::Module::save}) through {@link JniUtils#writeModule}.
 */
final class SkeletonFiller {

	/** The skeleton's parameters are those of {@code InpaintingModel.generator}. */
	static final String PREFIX = "generator.";

	private SkeletonFiller() {}

	/**
	 * Loads {@code skeleton}, sets every parameter named in {@code architecture} from {@code checkpoint},
	 * writes {@code target}. Reports one unit of progress per parameter, starting at {@code done}.
	 */
	static void fill(final Path skeleton, final TorchCheckpoint checkpoint, final MisfArchitecture architecture,
		final Path target, final ProgressListener progress, final long done, final long total) throws IOException
	{
		final Criteria<NDList, NDList> criteria = Criteria.builder().setTypes(NDList.class, NDList.class)
			.optModelPath(skeleton).optEngine("PyTorch").optDevice(Device.cpu())
			.optOption("trainParam", "true").optTranslator(new NoopTranslator()).build();
		try (ZooModel<NDList, NDList> model = criteria.loadModel()) {
			final PtSymbolBlock block = (PtSymbolBlock) model.getBlock();
			final Map<String, Parameter> parameters = block.getDirectParameters().toMap();
			requireSameNames(parameters, architecture);
			long step = done;
			final List<ByteBuffer> values = new ArrayList<>(); // the parameters' memory until the module is written
			for (final Map.Entry<String, StoredTensor> e : checkpoint.stateDict().entrySet()) {
				if (progress.isCancelled()) throw new CancelledException();
				final NDArray array = parameters.get(PREFIX + e.getKey()).getArray();
				if (!Arrays.equals(array.getShape().getShape(), e.getValue().shape()))
					throw new IllegalStateException("skeleton parameter " + e.getKey() + " has shape " + array.getShape());
				final ByteBuffer b = directBuffer(checkpoint.readFloats(e.getValue()));
				values.add(b);
				array.set(b); // libtorch now reads the parameter from b: it must outlive the write below

				progress.progress(++step, total, "Setting " + e.getKey());
			}
			block.freezeParameters(true);
			try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(target), 1 << 20)) {
				JniUtils.writeModule(block, out, false);
			}
			// libtorch does not copy a set() buffer: the parameters read it until the module is written, so the
			// collector must not free the buffers (or the arrays naming them) before that.
			Reference.reachabilityFence(values);
			Reference.reachabilityFence(parameters);
		}
		catch (final ModelNotFoundException | MalformedModelException e) {
			throw new IOException("the model skeleton cannot be loaded: " + e.getMessage(), e);
		}
	}

	private static void requireSameNames(final Map<String, Parameter> parameters, final MisfArchitecture architecture) {
		if (parameters.size() != architecture.shapes().size())
			throw new IllegalStateException("the skeleton has " + parameters.size() + " parameters, expected " +
				architecture.shapes().size());
		for (final String key : architecture.shapes().keySet())
			if (!parameters.containsKey(PREFIX + key)) throw new IllegalStateException("the skeleton lacks " + key);
	}

	private static ByteBuffer directBuffer(final float[] values) {
		final ByteBuffer b = ByteBuffer.allocateDirect(values.length * 4).order(ByteOrder.nativeOrder());
		b.asFloatBuffer().put(values);
		return b;
	}
}
