package org.misf.model;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;

/**
 * A MISF model package (README, "Model packages"): a folder, or a zip of one, with
 * <ul>
 * <li>{@code model.yaml}: the descriptor ({@link PackageDescriptor}: id, name, version, inputs/outputs,
 * window sizes, sha256 of the weights, test pair, licence, citation);</li>
 * <li>the TorchScript weights it names ({@code model.pt});</li>
 * <li>a test pair ({@code .npy}) that {@link #replayTestPair} runs again.</li>
 * </ul>
 * Opening ({@link PackageLocator}) checks the descriptor and the sha256 of the weights ({@link PackageTrust}),
 * and says in one sentence what is wrong. Zips and the package inside the jar are extracted once into a cache
 * folder keyed by their sha256 ({@link PackageCache}). This class is what callers use; it also decides what the
 * word "default" means.
 */
public final class ModelPackage {

	/** Where the default package lives inside the jar (and in the repository's models/ folder). */
	public static final String DEFAULT_ID = "misf-w32";

	/** The word users type for the shipped package, in any case: the one place that decides what "default" means. */
	public static final String DEFAULT_WORD = "default";

	private final PackageFolder folder;

	private ModelPackage(final PackageFolder folder) {
		this.folder = folder;
	}

	/** Whether {@code word} asks for the shipped package: "default" in any case, blank or null. */
	public static boolean isDefaultWord(final String word) {
		return word == null || word.trim().isEmpty() || DEFAULT_WORD.equalsIgnoreCase(word.trim());
	}

	/** The shipped default package, from inside the jar (extracted once) or the repository's models/ folder. */
	public static ModelPackage defaultPackage() {
		return new ModelPackage(PackageLocator.shipped(DEFAULT_ID, PackageDescriptor.Kind.MISF));
	}

	/** Opens a package by what a user typed: {@link #isDefaultWord "default"}, or a folder or zip path. */
	public static ModelPackage open(final String folderOrZip) {
		return isDefaultWord(folderOrZip) ? defaultPackage() : open(Paths.get(folderOrZip.trim()));
	}

	/** Opens and checks a package folder or zip (or a file picked inside the folder); "default" means {@link #defaultPackage()}. */
	public static ModelPackage open(final Path folderOrZip) {
		return new ModelPackage(PackageLocator.open(folderOrZip, PackageDescriptor.Kind.MISF, DEFAULT_ID));
	}

	/** The folder holding the package's files. */
	public Path root() { return folder.root(); }

	/** The TorchScript weights. */
	public Path weights() { return folder.weights(); }

	public String sha256() { return folder.descriptor().weightsSha256(); }

	/** The whole descriptor as read from model.yaml. */
	public Map<String, Object> descriptor() { return folder.descriptor().asMap(); }

	public String id() { return folder.descriptor().id(); }

	public String name() { return folder.descriptor().name(); }

	public String version() { return folder.descriptor().version(); }

	/** Window sides must be multiples of this. */
	public int sizeMultiple() { return folder.descriptor().sizeMultiple(); }

	public int minSize() { return folder.descriptor().minSize(); }

	/** Largest window side run at full resolution; larger windows are shrunk (see WindowPlanner). */
	public int maxSize() { return folder.descriptor().maxSize(); }

	public double testTolerance() { return folder.descriptor().testTolerance(); }

	@Override
	public String toString() {
		return id() + " " + version() + " (" + folder.source() + ")";
	}

	/** See {@link PackageTrust#replayTestPair}: the largest difference from the expected output. */
	public double replayTestPair(final Inpainter inpainter) {
		return PackageTrust.replayTestPair(folder, inpainter);
	}

	/** Opens the package on {@code device}, replays the test pair and returns the largest difference. */
	public double selfTest(final Device device) {
		try (Inpainter inpainter = Inpainters.open(this, device)) {
			return replayTestPair(inpainter);
		}
	}

	/** SHA-256 of a file as lower-case hex (the one hash function of the project). */
	public static String sha256(final Path file) {
		return PackageTrust.sha256(file);
	}
}
