package org.misf.model;

import java.io.Serializable;
import java.util.Objects;

/**
 * The model a run chose, as plain values another process can be given (a cluster's executors load the same model
 * from it): the package ("default", a folder or a zip), the device, and PyTorch's CPU threads (null: the default of
 * {@link EngineThreads}).
 */
public final class ModelChoice implements Serializable {

	private static final long serialVersionUID = 1L;

	private final String pkg;
	private final Device device;
	private final Integer threads;

	public ModelChoice(final String pkg, final Device device, final Integer threads) {
		this.pkg = pkg;
		this.device = device;
		this.threads = threads;
	}

	/** Sets the thread count (if chosen) and loads the package's network, checked ({@link Inpainters#open}). */
	public TorchInpainter open() {
		if (threads != null) EngineThreads.use(threads);
		return Inpainters.open(ModelPackage.open(pkg), device);
	}

	@Override
	public boolean equals(final Object o) {
		if (!(o instanceof ModelChoice)) return false;
		final ModelChoice c = (ModelChoice) o;
		return pkg.equals(c.pkg) && device == c.device && Objects.equals(threads, c.threads);
	}

	@Override
	public int hashCode() {
		return Objects.hash(pkg, device, threads);
	}

	@Override
	public String toString() {
		return pkg + " on " + device + (threads == null ? "" : ", " + threads + " threads");
	}
}
