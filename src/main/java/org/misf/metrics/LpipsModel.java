package org.misf.metrics;

import ai.djl.MalformedModelException;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.TranslateException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;

import org.misf.core.MisfException;
import org.misf.model.Device;
import org.misf.model.EngineThreads;

/**
 * LPIPS through DJL's PyTorch engine, from an {@link LpipsPackage}. Images on the [0, 1] scale are clamped
 * (not truncated, as the authors fed the clamped float tensors) and mapped to [-1, 1] by {@code 2x - 1};
 * gray images are repeated to RGB. Every call works in its own NDManager scope, so long evaluations do not
 * grow native memory. Not thread-safe; close it to free the network.
 */
public final class LpipsModel implements AutoCloseable {

	private final LpipsPackage pkg;
	private final ZooModel<LpipsTranslator.Pairs, float[]> model;
	private final Predictor<LpipsTranslator.Pairs, float[]> predictor;

	private LpipsModel(final LpipsPackage pkg, final ZooModel<LpipsTranslator.Pairs, float[]> model) {
		this.pkg = pkg;
		this.model = model;
		this.predictor = model.newPredictor();
	}

	/** Loads the package's network on the device ({@link Device#resolve}: AUTO takes a GPU when the engine sees one). */
	public static LpipsModel open(final LpipsPackage pkg, final Device device) {
		final Criteria<LpipsTranslator.Pairs, float[]> criteria = Criteria.builder().setTypes(LpipsTranslator.Pairs.class,
			float[].class).optModelPath(pkg.weights()).optEngine("PyTorch").optDevice(device.resolve()).optTranslator(
				new LpipsTranslator(pkg.name())).build();
		try {
			return new LpipsModel(pkg, criteria.loadModel());
		}
		catch (final IOException | ModelNotFoundException | MalformedModelException | RuntimeException e) {
			throw new MetricsException("The LPIPS network in '" + pkg.folder() + "' could not be loaded: " +
				e.getMessage(), e);
		}
	}

	public static LpipsModel openDefault() {
		return open(LpipsPackage.defaultPackage(), Device.CPU);
	}

	public LpipsPackage lpipsPackage() { return pkg; }

	/** Always print this with the values, e.g. "LPIPS v0.1 (SqueezeNet)". */
	public String label() { return pkg.name(); }

	/** The LPIPS distance of two images of the same size (0 = identical). */
	public double distance(final MetricImage a, final MetricImage b) {
		ImageMetrics.checkComparable(a, b);
		final int w = a.width(), h = a.height();
		if (w < pkg.minSize() || h < pkg.minSize()) throw new MetricsException(label() + " needs images of at least " +
			pkg.minSize() + "x" + pkg.minSize() + " pixels; these are " + a.sizeText() + ".");
		if (a.channels() != 1 && a.channels() != 3) throw new MetricsException("LPIPS needs gray or RGB images, not " +
			a.channels() + " channels.");
		return forward(toNetwork(a.rgb()), toNetwork(b.rgb()), 1, h, w)[0];
	}

	/** Raw forward of [n,3,h,w] float arrays in [-1, 1] (row-major, channel planes): one distance per item. */
	public float[] forward(final float[] a, final float[] b, final int n, final int h, final int w) {
		try {
			return predictor.predict(new LpipsTranslator.Pairs(a, b, n, h, w));
		}
		catch (final TranslateException e) {
			if (e.getCause() instanceof MisfException) throw (MisfException) e.getCause();
			throw new MetricsException(label() + " failed on " + w + "x" + h + " images: " + MisfException.firstLine(e
				.getCause() != null ? e.getCause() : e), e);
		}
	}

	/** Replays the package's test pair; throws unless the distances agree within the package's tolerance. */
	public float[] selfTest() {
		try (NDManager m = EngineThreads.engine().newBaseManager()) {
			final NDArray a = read(m, 0), b = read(m, 1), expected = read(m, 2);
			final long[] s = a.getShape().getShape();
			final float[] got = forward(a.toFloatArray(), b.toFloatArray(), (int) s[0], (int) s[2], (int) s[3]);
			final float[] want = expected.toFloatArray();
			for (int i = 0; i < want.length; i++)
				if (!(Math.abs(got[i] - want[i]) <= pkg.testTolerance())) throw new MetricsException(label() +
					" gives " + got[i] + " on its test pair instead of " + want[i] + ".");
			return got;
		}
	}

	private NDArray read(final NDManager m, final int i) {
		try (InputStream in = Files.newInputStream(pkg.testFile(i))) {
			return NDList.decode(m, in).singletonOrThrow();
		}
		catch (final IOException e) {
			throw new MetricsException("The LPIPS test file '" + pkg.testFile(i) + "' cannot be read.", e);
		}
	}

	/** [1,3,h,w] in [-1,1]: clamp to [0,1], then 2x - 1. */
	private static float[] toNetwork(final MetricImage rgb) {
		final int n = rgb.width() * rgb.height();
		final float[] out = new float[3 * n];
		for (int c = 0; c < 3; c++) {
			final double[] p = rgb.plane(c);
			for (int i = 0; i < n; i++)
				out[c * n + i] = (float) (2 * Quantisation.FLOAT.apply(p[i]) - 1);
		}
		return out;
	}

	@Override
	public void close() {
		predictor.close();
		model.close();
	}
}
