package org.misf.metrics;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.Map;

import org.yaml.snakeyaml.Yaml;

/**
 * An LPIPS model package (made by training/lpips_export.py): model.pt (TorchScript
 * {@code forward(a, b) -> distance}, inputs [B,3,H,W] in [-1,1]), model.yaml naming the backbone and LPIPS
 * version, and a test pair. Opening checks the descriptor and the sha256 of model.pt.
 */
public final class LpipsPackage {

	/** Folder (in the jar and in the repository's models/) of the shipped package. */
	public static final String DEFAULT_ID = "lpips-squeeze-v0.1";

	private static final String[] FILES = { "model.pt", "model.yaml", "test_input_a.npy", "test_input_b.npy",
		"test_output.npy" };

	private final Path folder;
	private final String name;
	private final String backbone;
	private final String version;
	private final int minSize;
	private final double testTolerance;

	private LpipsPackage(final Path folder, final Map<String, Object> d) {
		this.folder = folder;
		this.name = text(d, "name");
		this.backbone = text(d, "backbone");
		this.version = text(d, "version");
		final Object size = d.get("size");
		this.minSize = size instanceof Map && ((Map<?, ?>) size).get("min") instanceof Number ?
			((Number) ((Map<?, ?>) size).get("min")).intValue() : 1;
		final Object test = d.get("test");
		this.testTolerance = test instanceof Map && ((Map<?, ?>) test).get("tolerance") instanceof Number ?
			((Number) ((Map<?, ?>) test).get("tolerance")).doubleValue() : 1e-5;
	}

	/** Opens a package folder; "default" (or null) means {@link #defaultPackage()}. */
	public static LpipsPackage open(final Path folder) {
		if (folder == null || org.misf.model.ModelPackage.isDefaultWord(folder.toString())) return defaultPackage();
		final Path yaml = folder.resolve("model.yaml");
		if (!Files.isRegularFile(yaml)) throw new MetricsException("'" + folder +
			"' is not an LPIPS package: it has no model.yaml.");
		final Map<String, Object> d;
		try (Reader r = Files.newBufferedReader(yaml, StandardCharsets.UTF_8)) {
			final Object o = new Yaml().load(r);
			if (!(o instanceof Map)) throw new MetricsException("The descriptor '" + yaml + "' is not a YAML map.");
			@SuppressWarnings("unchecked")
			final Map<String, Object> m = (Map<String, Object>) o;
			d = m;
		}
		catch (final IOException | RuntimeException e) {
			if (e instanceof MetricsException) throw (MetricsException) e;
			throw new MetricsException("The descriptor '" + yaml + "' cannot be read: " + e.getMessage(), e);
		}
		if (!"lpips".equals(d.get("kind"))) throw new MetricsException("'" + folder +
			"' is not an LPIPS package (its model.yaml lacks 'kind: lpips').");
		final Object weights = d.get("weights");
		final Object expected = weights instanceof Map ? ((Map<?, ?>) weights).get("sha256") : null;
		final Path pt = folder.resolve("model.pt");
		if (!Files.isRegularFile(pt)) throw new MetricsException("The LPIPS package '" + folder + "' has no model.pt.");
		if (expected == null) throw new MetricsException("The descriptor '" + yaml + "' has no weights sha256.");
		final String actual = sha256(pt);
		if (!actual.equalsIgnoreCase(expected.toString())) throw new MetricsException("The LPIPS weights '" + pt +
			"' do not match the sha256 in model.yaml (damaged or replaced file).");
		return new LpipsPackage(folder, d);
	}

	/**
	 * The shipped LPIPS v0.1 (SqueezeNet): from the jar (copied once to a temporary folder, as libtorch loads
	 * files) or from {@code models/lpips-squeeze-v0.1} under the working directory.
	 */
	public static LpipsPackage defaultPackage() {
		final String base = "/models/" + DEFAULT_ID + "/";
		if (LpipsPackage.class.getResource(base + "model.yaml") != null) {
			try {
				final Path dir = Files.createTempDirectory("misf-" + DEFAULT_ID);
				dir.toFile().deleteOnExit();
				for (final String f : FILES) {
					try (InputStream in = LpipsPackage.class.getResourceAsStream(base + f)) {
						if (in == null) throw new MetricsException("The bundled LPIPS package lacks " + f + ".");
						final Path target = dir.resolve(f);
						Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
						target.toFile().deleteOnExit();
					}
				}
				return open(dir);
			}
			catch (final IOException e) {
				throw new MetricsException("The bundled LPIPS package could not be unpacked: " + e.getMessage(), e);
			}
		}
		final Path local = Paths.get("models", DEFAULT_ID);
		if (Files.isDirectory(local)) return open(local);
		throw new MetricsException("The default LPIPS package (" + DEFAULT_ID + ") is neither in the jar nor in " +
			local.toAbsolutePath() + ".");
	}

	public Path folder() { return folder; }

	/** E.g. "LPIPS v0.1 (SqueezeNet)": always print this with LPIPS values. */
	public String name() { return name; }

	/** E.g. "SqueezeNet 1.1". */
	public String backbone() { return backbone; }

	/** E.g. "LPIPS v0.1". */
	public String version() { return version; }

	/** Smallest width and height the backbone accepts. */
	public int minSize() { return minSize; }

	public double testTolerance() { return testTolerance; }

	Path testFile(final int i) {
		return folder.resolve(FILES[2 + i]);
	}

	private static String text(final Map<String, Object> d, final String key) {
		final Object v = d.get(key);
		if (v == null) throw new MetricsException("The LPIPS descriptor lacks '" + key + "'.");
		return v.toString();
	}

	static String sha256(final Path file) {
		try {
			return org.misf.model.ModelPackage.sha256(file);
		}
		catch (final org.misf.model.InpaintingException e) {
			throw new MetricsException("Cannot read '" + file + "': " + e.getMessage(), e);
		}
	}

	@Override
	public String toString() {
		return name + " [" + backbone + ", " + version + "]";
	}
}
