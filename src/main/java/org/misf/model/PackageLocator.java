package org.misf.model;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import org.misf.files.StaleWork;

import org.misf.model.PackageDescriptor.Kind;

/**
 * Where a package of either kind is, and opening it there: a folder, a file picked inside one, a zip (extracted
 * once by {@link PackageCache}), or a package shipped in the jar ({@code /models/ID}, extracted once into the
 * cache, or read in place when the classes are a folder) or in the repository's {@code models/ID} folder. What
 * a user's word means ({@link ModelPackage#isDefaultWord "default"}) is decided by {@link ModelPackage}.
 */
public final class PackageLocator {

	private PackageLocator() {}

	/** Opens the package at {@code folderOrZip}; null or the default word open the shipped {@code shippedId}. */
	public static PackageFolder open(final Path folderOrZip, final Kind kind, final String shippedId) {
		if (folderOrZip == null || ModelPackage.isDefaultWord(folderOrZip.toString())) return shipped(shippedId, kind);
		final String name = folderOrZip.getFileName() == null ? "" : folderOrZip.getFileName().toString();
		final Path parent = folderOrZip.toAbsolutePath().getParent();
		if (Files.isRegularFile(folderOrZip) && (name.equals(PackageDescriptor.FILE) || name.equals(
			DescriptorBuilder.WEIGHTS_FILE)) &&
			parent != null) return open(parent, kind, shippedId); // a file picked in it
		if (Files.isDirectory(folderOrZip)) return new PackageFolder(folderOrZip.toAbsolutePath().normalize(),
			folderOrZip.toString(), kind);
		if (Files.isRegularFile(folderOrZip)) return new PackageFolder(PackageCache.extractZip(folderOrZip),
			folderOrZip.toString(), kind);
		throw new InpaintingException("There is no " + kind.noun() + " at " + folderOrZip +
			" (expected a folder or .zip with model.yaml and model.pt).");
	}

	/** The package shipped as {@code /models/ID} in the jar, or found in ./models/ID. */
	public static PackageFolder shipped(final String id, final Kind kind) {
		final String source = "default (" + id + ")";
		final URL url = PackageLocator.class.getResource(resource(id) + PackageDescriptor.FILE);
		if (url != null && "file".equals(url.getProtocol())) {
			try {
				return new PackageFolder(Paths.get(url.toURI()).getParent(), source, kind);
			}
			catch (final URISyntaxException e) {
				throw new InpaintingException("The default " + kind.noun() + " has an unusable location " + url + ".", e);
			}
		}
		if (url != null) return new PackageFolder(extractShipped(id, kind, source), source, kind);
		final Path checkout = Paths.get("models", id);
		if (Files.isDirectory(checkout)) return new PackageFolder(checkout.toAbsolutePath(), checkout.toString(), kind);
		throw new InpaintingException("The default " + kind.noun() + " " + id +
			" is neither inside the jar nor in ./models: rebuild the jar or give a package with " + kind.option() + ".");
	}

	private static String resource(final String id) {
		return "/models/" + id + "/";
	}

	/** Extracts a shipped package from the jar into the cache, once per sha256 of its weights. */
	private static Path extractShipped(final String id, final Kind kind, final String source) {
		final String dir = resource(id);
		final PackageDescriptor d;
		try (InputStream in = PackageLocator.class.getResourceAsStream(dir + PackageDescriptor.FILE)) {
			d = PackageDescriptor.read(in, kind, source);
		}
		catch (final IOException e) {
			throw new InpaintingException("The default " + kind.noun() + " descriptor inside the jar cannot be read (" +
				e + ").", e);
		}
		final String sha = d.weightsSha256();
		final Path target = PackageCache.root().resolve(id + "-" + sha.substring(0, Math.min(16, sha.length())));
		if (isCompleteCopy(target, d)) return target;
		if (Files.exists(target)) StaleWork.deleteTree(target); // an incomplete or damaged earlier copy
		return PackageCache.publish(target, tmp -> {
			for (final String f : d.files()) {
				try (InputStream in = PackageLocator.class.getResourceAsStream(dir + f)) {
					if (in == null) throw new InpaintingException("The jar lacks " + dir + f + " of the default " + kind
						.noun() + ".");
					Files.copy(in, tmp.resolve(f));
				}
			}
		});
	}

	private static boolean isCompleteCopy(final Path folder, final PackageDescriptor d) {
		final Path weights = folder.resolve(d.weightsFile());
		return Files.isRegularFile(folder.resolve(PackageDescriptor.FILE)) && Files.isRegularFile(weights) && d
			.weightsSha256().equals(PackageTrust.sha256(weights));
	}
}
