package org.misf.metrics;

import java.nio.file.Path;
import java.util.function.Supplier;

import org.misf.model.InpaintingException;
import org.misf.model.PackageDescriptor;
import org.misf.model.PackageFolder;
import org.misf.model.PackageLocator;

/**
 * An LPIPS model package (made by training/lpips_export.py): model.pt (TorchScript
 * {@code forward(a, b) -> distance}, inputs [B,3,H,W] in [-1,1]), model.yaml ({@code kind: lpips}, naming the
 * backbone and LPIPS version), and a test pair. Opened, located and checked (descriptor, sha256 of the weights)
 * by the model layer's package loading, like MISF packages; its failures are {@link MetricsException}s.
 */
public final class LpipsPackage {

	/** Folder (in the jar and in the repository's models/) of the shipped package. */
	public static final String DEFAULT_ID = "lpips-squeeze-v0.1";

	private final PackageFolder folder;

	private LpipsPackage(final PackageFolder folder) {
		this.folder = folder;
	}

	/** Opens a package folder (or zip); "default" (or null) means {@link #defaultPackage()}. */
	public static LpipsPackage open(final Path folder) {
		return open(() -> PackageLocator.open(folder, PackageDescriptor.Kind.LPIPS, DEFAULT_ID));
	}

	/**
	 * The shipped LPIPS v0.1 (SqueezeNet): from the jar (extracted once into the package cache, as libtorch loads
	 * files) or from {@code models/lpips-squeeze-v0.1} under the working directory.
	 */
	public static LpipsPackage defaultPackage() {
		return open(() -> PackageLocator.shipped(DEFAULT_ID, PackageDescriptor.Kind.LPIPS));
	}

	private static LpipsPackage open(final Supplier<PackageFolder> opener) {
		return new LpipsPackage(asMetrics(opener));
	}

	/** Runs {@code work}, reporting the model layer's failures as {@link MetricsException}s (same sentence). */
	private static <T> T asMetrics(final Supplier<T> work) {
		try {
			return work.get();
		}
		catch (final MetricsException e) {
			throw e;
		}
		catch (final InpaintingException e) {
			throw new MetricsException(e.getMessage(), e);
		}
	}

	public Path folder() { return folder.root(); }

	/** The TorchScript file, checked against the descriptor's sha256. */
	public Path weights() { return folder.weights(); }

	/** E.g. "LPIPS v0.1 (SqueezeNet)": always print this with LPIPS values. */
	public String name() { return folder.descriptor().name(); }

	/** E.g. "SqueezeNet 1.1". */
	public String backbone() { return folder.descriptor().backbone(); }

	/** E.g. "LPIPS v0.1". */
	public String version() { return folder.descriptor().version(); }

	/** Smallest width and height the backbone accepts. */
	public int minSize() { return folder.descriptor().minSize(); }

	public double testTolerance() { return folder.descriptor().testTolerance(); }

	/** The test pair: inputs a (0) and b (1), then the expected distances (2). */
	Path testFile(final int i) {
		return asMetrics(() -> folder.testFile(i >= 2, i >= 2 ? i - 2 : i));
	}

	@Override
	public String toString() {
		return name() + " [" + backbone() + ", " + version() + "]";
	}
}
