package org.misf.model;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;

import org.misf.core.ChannelPlanes;
import org.misf.core.InpaintJob;
import org.misf.core.InpaintingReport;
import org.misf.core.PlanSettings;
import org.misf.core.WindowedInpainting;

/**
 * The {@link Inpainter} of a MISF package: {@code core}'s window run ({@link WindowedInpainting}) with the
 * package's network ({@link MisfNetwork}) run between its steps. A model is used only if it reproduces its
 * package's test pair when it loads.
 */
public final class TorchInpainter implements Inpainter {

	private final ModelPackage pkg;
	private final MisfNetwork network;
	private final PlanSettings sizes;

	TorchInpainter(final ModelPackage pkg, final Device device) {
		this.pkg = pkg;
		this.sizes = PlanSettings.forNetwork(pkg.sizeMultiple(), pkg.minSize(), pkg.maxSize());
		this.network = new MisfNetwork(pkg, device);
		try {
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
		final double allowed = Math.max(network.onGpu() ? 2e-2 : 1e-3, 10 * pkg.testTolerance());
		final double diff = pkg.replayTestPair(this);
		network.resetCounters();
		if (!(diff <= allowed)) throw new InpaintingException("The model of package " + pkg +
			" does not reproduce its own test pair (largest difference " + (Double.isInfinite(diff) ? "infinite: it " +
				"returns NaN or infinite values" : String.format(java.util.Locale.ROOT, "%.3g", diff)) + ", allowed " +
			allowed + "), so its weights or TorchScript are not what the package describes; it is not used.");
	}

	@Override
	public <T extends RealType<T>, M extends RealType<M>> InpaintingReport inpaint(final ChannelPlanes<T> planes,
		final RandomAccessibleInterval<M> mask, final InpaintJob job)
	{
		final WindowedInpainting<T> run = WindowedInpainting.start(planes, mask, sizes, job);
		while (run.hasNextBatch())
			run.accept(network.run(run.nextBatch()));
		return run.finish();
	}

	/** The package's window size rules with the default job (for the benchmark and tests). */
	public PlanSettings planSettings() { return sizes; }

	/** The network itself (for the benchmark: its time in calls, its bare forward pass). */
	public MisfNetwork network() { return network; }

	@Override
	public ModelPackage modelPackage() { return pkg; }

	@Override
	public String device() { return network.device(); }

	@Override
	public void close() {
		network.close();
	}
}
