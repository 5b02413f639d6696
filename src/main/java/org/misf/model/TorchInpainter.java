package org.misf.model;

import java.io.IOException;
import java.util.function.Supplier;

import ai.djl.MalformedModelException;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.NoopTranslator;
import ai.djl.translate.TranslateException;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.ARGBType;
import net.imglib2.type.numeric.RealType;

import org.misf.core.BadInputException;
import org.misf.core.InpaintingNetwork;
import org.misf.core.InpaintingReport;
import org.misf.core.PlanSettings;
import org.misf.core.ProgressListener;
import org.misf.core.WindowedInpainting;

/**
 * An {@link Inpainter} running a package's TorchScript with DJL's PyTorch engine. One model and one
 * predictor are loaded and reused; every network call works inside its own {@link NDManager}, which is
 * closed at the end of the call, so native memory does not grow over long batches.
 */
public final class TorchInpainter implements Inpainter, InpaintingNetwork {

	static {
		// TorchScript's profiling optimizer recompiles for each new input size; windows vary in size
		if (System.getProperty("ai.djl.pytorch.graph_optimizer") == null)
			System.setProperty("ai.djl.pytorch.graph_optimizer", "false");
		EngineThreads.applyDefaults();
	}

	private final ModelPackage pkg;
	private final ZooModel<NDList, NDList> model;
	private final Predictor<NDList, NDList> predictor;
	private final ai.djl.Device device;
	private long networkNanos;
	private long networkCalls;

	TorchInpainter(final ModelPackage pkg, final Device device) {
		this.pkg = pkg;
		this.device = resolve(device);
		final Criteria<NDList, NDList> criteria = Criteria.builder().setTypes(NDList.class, NDList.class)
			.optModelPath(pkg.weights()).optEngine("PyTorch").optDevice(this.device).optTranslator(
				new NoopTranslator()).optOption("mapLocation", "true").build();
		try {
			model = criteria.loadModel();
		}
		catch (final ModelNotFoundException | MalformedModelException | IOException | RuntimeException e) {
			throw new InpaintingException("The weights of model package " + pkg +
				" cannot be loaded as TorchScript (" + firstLine(e) + ").", e);
		}
		predictor = model.newPredictor();
		try {
			warmUp();
			checkTestPair();
		}
		catch (final RuntimeException e) {
			close();
			throw e;
		}
	}

	/**
	 * A model is used only if it reproduces its package's test pair: a TorchScript that returns zeros, NaN or
	 * another network's output is refused here, before it fills anything. The bound allows for other PyTorch
	 * builds (10 x the package's tolerance, at least 1e-3) and, on a GPU, its arithmetic (2e-2).
	 */
	private void checkTestPair() {
		final double allowed = Math.max(device.isGpu() ? 2e-2 : 1e-3, 10 * pkg.testTolerance());
		final double diff = pkg.replayTestPair(this);
		networkNanos = 0;
		networkCalls = 0;
		if (!(diff <= allowed)) throw new InpaintingException("The model of package " + pkg +
			" does not reproduce its own test pair (largest difference " + (Double.isInfinite(diff) ? "infinite: it " +
				"returns NaN or infinite values" : String.format(java.util.Locale.ROOT, "%.3g", diff)) + ", allowed " +
			allowed + "), so its weights or TorchScript are not what the package describes; it is not used.");
	}

	/** GPUs PyTorch can use here (0 with the CPU build or without a CUDA device), or -1 when it cannot start. */
	public static int gpuCount() {
		try {
			return EngineThreads.engine().getGpuCount();
		}
		catch (final RuntimeException | UnsatisfiedLinkError e) {
			return -1;
		}
	}

	private static ai.djl.Device resolve(final Device device) {
		final int gpus;
		try {
			gpus = EngineThreads.engine().getGpuCount();
		}
		catch (final RuntimeException | UnsatisfiedLinkError e) {
			throw new InpaintingException("The PyTorch engine cannot start here (" + firstLine(e) + ").", e);
		}
		switch (device) {
			case CPU:
				return ai.djl.Device.cpu();
			case GPU:
				if (gpus == 0) throw new InpaintingException(
					"A GPU was asked for but PyTorch sees none here (no CUDA device, or the CPU-only build): use device cpu or auto.");
				return ai.djl.Device.gpu();
			default:
				return gpus > 0 ? ai.djl.Device.gpu() : ai.djl.Device.cpu();
		}
	}

	/** Runs one small window to check the model's interface and to pay the first-call costs now. */
	private void warmUp() {
		final int s = Math.max(pkg.minSize(), 64) / pkg.sizeMultiple() * pkg.sizeMultiple();
		final float[] image = new float[3 * s * s];
		final float[] mask = new float[s * s];
		for (int i = 0; i < image.length; i++)
			image[i] = (i % 7) / 7f;
		for (int y = s / 4; y < s / 2; y++)
			for (int x = s / 4; x < s / 2; x++)
				mask[y * s + x] = 1;
		try {
			run(image, mask, 1, s, s);
		}
		catch (final InpaintingException e) {
			throw e;
		}
		catch (final RuntimeException e) {
			throw new InpaintingException("The model of package " + pkg +
				" does not run on image[B,3,H,W] and mask[B,1,H,W] (" + firstLine(e) + ").", e);
		}
		networkNanos = 0;
		networkCalls = 0;
	}

	@Override
	public synchronized float[] run(final float[] image, final float[] mask, final int batch, final int height,
		final int width)
	{
		final long t0 = System.nanoTime();
		try (NDManager m = model.getNDManager().newSubManager()) {
			final NDArray img = m.create(image, new Shape(batch, 3, height, width));
			final NDArray msk = m.create(mask, new Shape(batch, 1, height, width));
			final NDList out = predictor.predict(new NDList(img, msk));
			if (out.size() != 1 || !out.get(0).getShape().equals(img.getShape()))
				throw new InpaintingException("The model of package " + pkg + " returned " + java.util.Arrays.toString(out
					.getShapes()) +
					" instead of one array of shape " + img.getShape() + ".");
			final float[] result = out.get(0).toType(ai.djl.ndarray.types.DataType.FLOAT32, false).toFloatArray();
			out.close();
			return result;
		}
		catch (final TranslateException e) {
			throw new InpaintingException("The model of package " + pkg + " failed on a " + width + "x" + height +
				" window (" + firstLine(e) + ").", e);
		}
		finally {
			networkNanos += System.nanoTime() - t0;
			networkCalls++;
		}
	}

	@Override
	public <T extends RealType<T>, M extends RealType<M>> InpaintResult inpaint(final RandomAccessibleInterval<T> image,
		final RandomAccessibleInterval<M> mask, final InpaintOptions options, final ProgressListener progress)
	{
		return timed(() -> WindowedInpainting.inpaint(image, mask, settings(options), options.rangeMin(), options
			.rangeMax(), this, progress == null ? ProgressListener.NONE : progress));
	}

	@Override
	public <M extends RealType<M>> InpaintResult inpaintARGB(final RandomAccessibleInterval<ARGBType> image,
		final RandomAccessibleInterval<M> mask, final InpaintOptions options, final ProgressListener progress)
	{
		return timed(() -> WindowedInpainting.inpaintARGB(image, mask, settings(options), options.rangeMin(), options
			.rangeMax(), this, progress == null ? ProgressListener.NONE : progress));
	}

	/** Runs the work, times it, and turns bad-input errors of {@code core} into {@link InpaintingException}s. */
	private static InpaintResult timed(final Supplier<InpaintingReport> work) {
		final long t0 = System.currentTimeMillis();
		try {
			final InpaintingReport r = work.get();
			return new InpaintResult(r.holePixels(), r.windows(), System.currentTimeMillis() - t0, r.holes());
		}
		catch (final BadInputException e) {
			throw new InpaintingException(e.getMessage(), e);
		}
	}

	/** The window planning settings for these options and this package's size rules. */
	public PlanSettings settings(final InpaintOptions o) {
		try {
			return new PlanSettings(o.dilation(), o.margin(), pkg.sizeMultiple(), pkg.minSize(), pkg.maxSize(), o
				.batchSize());
		}
		catch (final BadInputException e) {
			throw new InpaintingException(e.getMessage(), e);
		}
	}

	@Override
	public ModelPackage modelPackage() { return pkg; }

	@Override
	public String device() { return device.toString(); }

	/** Total time spent in network calls since the warm-up (array creation, forward, copy back), in ns. */
	public synchronized long networkNanos() { return networkNanos; }

	/** Network calls since the warm-up. */
	public synchronized long networkCalls() { return networkCalls; }

	/**
	 * A bare forward pass on arrays made once (batch x 3 x h x w, a centred hole), for the benchmark's
	 * overhead figure: what the network costs without any Java-side work around it.
	 */
	public ForwardProbe forwardProbe(final int batch, final int height, final int width) {
		return new ForwardProbe(batch, height, width);
	}

	/** See {@link #forwardProbe}; close it to free its arrays. */
	public final class ForwardProbe implements AutoCloseable {

		private final NDManager manager;
		private final NDList input;

		private ForwardProbe(final int batch, final int height, final int width) {
			manager = model.getNDManager().newSubManager();
			final NDArray img = manager.randomUniform(0, 1, new Shape(batch, 3, height, width));
			final NDArray msk = manager.zeros(new Shape(batch, 1, height, width));
			msk.set(new ai.djl.ndarray.index.NDIndex(":, :, {}:{}, {}:{}", height / 4, height / 2, width / 4, width / 2),
				1f);
			input = new NDList(img, msk);
		}

		/** Runs the forward pass once and returns its time in nanoseconds. */
		public long runOnce() {
			synchronized (TorchInpainter.this) {
				final long t0 = System.nanoTime();
				try {
					predictor.predict(input).close();
				}
				catch (final TranslateException e) {
					throw new InpaintingException("The model of package " + pkg + " failed (" + firstLine(e) + ").", e);
				}
				return System.nanoTime() - t0;
			}
		}

		@Override
		public void close() {
			manager.close();
		}
	}

	@Override
	public void close() {
		predictor.close();
		model.close();
	}

	private static String firstLine(final Throwable e) {
		Throwable t = e;
		while (t.getCause() != null && t.getMessage() == null)
			t = t.getCause();
		final String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
		return m.split("\n")[0].trim();
	}
}
