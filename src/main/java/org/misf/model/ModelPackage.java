package org.misf.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.type.numeric.real.FloatType;

import org.misf.core.ProgressListener;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * A model package (README, "Model packages"): a folder, or a zip of one, with
 * <ul>
 * <li>{@code model.yaml}: the descriptor (id, name, version, architecture, inputs/outputs, window sizes,
 * sha256 of the weights, test pair, licence, citation);</li>
 * <li>the TorchScript weights it names ({@code model.pt});</li>
 * <li>a test pair ({@code .npy}) that {@link #replayTestPair} runs again.</li>
 * </ul>
 * Opening checks the descriptor and the sha256 of the weights, and says in one sentence what is wrong.
 * Zips and the package inside the jar are extracted once into a cache folder keyed by their sha256
 * ({@code ~/.cache/misf}, or the folder named by the system property {@code misf.cache}).
 */
public final class ModelPackage {

	/** Where the default package lives inside the jar (and in the repository's models/ folder). */
	public static final String DEFAULT_ID = "misf-w32";

	private static final String DEFAULT_RESOURCE = "/models/" + DEFAULT_ID + "/model.yaml";

	private final Path root;
	private final String source;
	private final Map<String, Object> descriptor;
	private final Path weights;
	private final String sha256;

	private ModelPackage(final Path root, final String source) {
		this.root = root;
		this.source = source;
		final Path yaml = root.resolve("model.yaml");
		if (!Files.isRegularFile(yaml))
			throw new InpaintingException("The model package " + source + " has no model.yaml descriptor.");
		descriptor = readYaml(yaml, source);
		final String file = string("weights", "source");
		sha256 = string("weights", "sha256").toLowerCase();
		weights = root.resolve(file).normalize();
		if (!weights.startsWith(root) || !Files.isRegularFile(weights))
			throw new InpaintingException("The model package " + source + " lacks its weights file " + file + ".");
		if (!sha256.equals(sha256(weights)))
			throw new InpaintingException("The weights " + file + " of model package " + source +
				" do not match the sha256 in model.yaml, so the file is damaged, truncated or from another model.");
		checkAxes();
	}

	/** The shipped default package, from inside the jar (extracted once) or the repository's models/ folder. */
	public static ModelPackage defaultPackage() {
		final URL url = ModelPackage.class.getResource(DEFAULT_RESOURCE);
		if (url != null && "file".equals(url.getProtocol())) {
			try {
				return new ModelPackage(Paths.get(url.toURI()).getParent(), "default (" + DEFAULT_ID + ")");
			}
			catch (final URISyntaxException e) {
				throw new InpaintingException("The default model package has an unusable location " + url + ".", e);
			}
		}
		if (url != null) return new ModelPackage(extractDefault(), "default (" + DEFAULT_ID + ")");
		final Path checkout = Paths.get("models", DEFAULT_ID);
		if (Files.isDirectory(checkout)) return new ModelPackage(checkout.toAbsolutePath(), checkout.toString());
		throw new InpaintingException("The default model package " + DEFAULT_ID +
			" is neither inside the jar nor in ./models: rebuild the jar or give a package with --model.");
	}

	/** The word users type for the shipped package, in any case: the one place that decides what "default" means. */
	public static final String DEFAULT_WORD = "default";

	/** Whether {@code word} asks for the shipped package: "default" in any case, blank or null. */
	public static boolean isDefaultWord(final String word) {
		return word == null || word.trim().isEmpty() || DEFAULT_WORD.equalsIgnoreCase(word.trim());
	}

	/** Opens a package by what a user typed: {@link #isDefaultWord "default"}, or a folder or zip path. */
	public static ModelPackage open(final String folderOrZip) {
		return isDefaultWord(folderOrZip) ? defaultPackage() : open(Paths.get(folderOrZip.trim()));
	}

	/** Opens and checks a package folder or zip; "default" means {@link #defaultPackage()}. */
	public static ModelPackage open(final Path folderOrZip) {
		if (isDefaultWord(folderOrZip.toString())) return defaultPackage();
		final String name = folderOrZip.getFileName() == null ? "" : folderOrZip.getFileName().toString();
		if (Files.isRegularFile(folderOrZip) && (name.equals("model.yaml") || name.equals("model.pt")) && folderOrZip
			.toAbsolutePath().getParent() != null) return open(folderOrZip.toAbsolutePath().getParent()); // a file picked in it
		if (Files.isDirectory(folderOrZip)) return new ModelPackage(folderOrZip.toAbsolutePath().normalize(),
			folderOrZip.toString());
		if (Files.isRegularFile(folderOrZip)) return new ModelPackage(PackageCache.extractZip(folderOrZip), folderOrZip.toString());
		throw new InpaintingException("There is no model package at " + folderOrZip +
			" (expected a folder or .zip with model.yaml and model.pt).");
	}


	/** The folder holding the package's files. */
	public Path root() { return root; }

	/** The TorchScript weights. */
	public Path weights() { return weights; }

	public String sha256() { return sha256; }

	/** The whole descriptor as read from model.yaml. */
	public Map<String, Object> descriptor() { return Collections.unmodifiableMap(descriptor); }

	public String id() { return string("id"); }

	public String name() { return string("name"); }

	public String version() { return String.valueOf(value("version")); }

	/** Window sides must be multiples of this. */
	public int sizeMultiple() { return integer(4, "size", "multiple_of"); }

	public int minSize() { return integer(16, "size", "min"); }

	/** Largest window side run at full resolution; larger windows are shrunk (see WindowPlanner). */
	public int maxSize() { return integer(512, "size", "max"); }

	public double testTolerance() {
		final Object t = value("test", "tolerance");
		return t instanceof Number ? ((Number) t).doubleValue() : 1e-4;
	}

	@Override
	public String toString() {
		return id() + " " + version() + " (" + source + ")";
	}

	/**
	 * Runs the package's test pair through {@code inpainter} (the whole Java path: ImgLib2 image, windows,
	 * network, compositing; the window covers the whole test image) and returns the largest absolute
	 * difference from the expected output (infinite when the output is not finite).
	 */
	public double replayTestPair(final Inpainter inpainter) {
		final Npy image = Npy.read(testFile("inputs", 0));
		final Npy mask = Npy.read(testFile("inputs", 1));
		final Npy expected = Npy.read(testFile("outputs", 0));
		final long[] s = image.shape();
		if (s.length != 4 || s[0] != 1 || s[1] != 3 || !java.util.Arrays.equals(expected.shape(), s) || mask
			.shape().length != 4 || mask.shape()[2] != s[2] || mask.shape()[3] != s[3])
			throw new InpaintingException("The test pair of model package " + source + " has inconsistent shapes.");
		final int h = (int) s[2], w = (int) s[3];
		// NCHW with N = 1 is exactly ImgLib2's (x, y, c) flat order
		final ArrayImg<FloatType, FloatArray> img = ArrayImgs.floats(image.data().clone(), w, h, 3);
		final ArrayImg<FloatType, FloatArray> m = ArrayImgs.floats(mask.data().clone(), w, h);
		inpainter.inpaint(img, m, InpaintOptions.DEFAULTS.withRange(0, 1).withMargin(Math.max(w, h)),
			ProgressListener.NONE);
		final float[] got = img.update(null).getCurrentStorageArray();
		final float[] want = expected.data();
		double max = 0;
		for (int i = 0; i < want.length; i++) {
			if (!Float.isFinite(got[i])) return Double.POSITIVE_INFINITY; // NaN or infinite output: never close
			max = Math.max(max, Math.abs(got[i] - want[i]));
		}
		return max;
	}

	/** Opens the package on {@code device}, replays the test pair and returns the largest difference. */
	public double selfTest(final Device device) {
		try (Inpainter inpainter = Inpainters.open(this, device)) {
			return replayTestPair(inpainter);
		}
	}

	private Path testFile(final String kind, final int index) {
		final Object list = value("test", kind);
		if (!(list instanceof List) || ((List<?>) list).size() <= index)
			throw new InpaintingException("The descriptor of model package " + source + " lists no test " + kind + ".");
		final Path p = root.resolve(String.valueOf(((List<?>) list).get(index))).normalize();
		if (!p.startsWith(root) || !Files.isRegularFile(p))
			throw new InpaintingException("The model package " + source + " lacks its test file " + p.getFileName() + ".");
		return p;
	}

	private void checkAxes() {
		final Object inputs = value("inputs");
		final Object outputs = value("outputs");
		if (!(inputs instanceof List) || ((List<?>) inputs).size() != 2 || !(outputs instanceof List) ||
			((List<?>) outputs).size() != 1 || channels(((List<?>) inputs).get(0)) != 3 || channels(((List<?>) inputs)
				.get(1)) != 1 || channels(((List<?>) outputs).get(0)) != 3)
			throw new InpaintingException("The model package " + source +
				" does not declare the MISF interface (inputs image with 3 channels and mask with 1, output with 3).");
		if (sizeMultiple() < 1 || minSize() < 1 || maxSize() < minSize())
			throw new InpaintingException("The model package " + source + " declares inconsistent window sizes.");
	}

	private static int channels(final Object io) {
		if (!(io instanceof Map)) return -1;
		final Object c = ((Map<?, ?>) io).get("channels");
		return c instanceof Number ? ((Number) c).intValue() : -1;
	}

	private Object value(final String... keys) {
		Object o = descriptor;
		for (final String k : keys) {
			if (!(o instanceof Map)) return null;
			o = ((Map<?, ?>) o).get(k);
		}
		return o;
	}

	private String string(final String... keys) {
		final Object o = value(keys);
		if (o == null) throw new InpaintingException("The descriptor model.yaml of model package " + source +
			" lacks '" + String.join(".", keys) + "'.");
		return String.valueOf(o);
	}

	private int integer(final int fallback, final String... keys) {
		final Object o = value(keys);
		return o instanceof Number ? ((Number) o).intValue() : fallback;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> readYaml(final Path yaml, final String source) {
		try (Reader r = Files.newBufferedReader(yaml, StandardCharsets.UTF_8)) {
			final Object o = new Yaml(new SafeConstructor(new LoaderOptions())).load(r);
			if (!(o instanceof Map)) throw new InpaintingException("The descriptor model.yaml of model package " +
				source + " is not a YAML mapping.");
			return (Map<String, Object>) o;
		}
		catch (final YAMLException e) {
			throw new InpaintingException("The descriptor model.yaml of model package " + source +
				" is not valid YAML (" + e.getMessage().split("\n")[0] + ").", e);
		}
		catch (final IOException e) {
			throw new InpaintingException("The descriptor model.yaml of model package " + source +
				" cannot be read (" + e + ").", e);
		}
	}

	/** SHA-256 of a file as lower-case hex (the one hash function of the project). */
	public static String sha256(final Path file) {
		return Sha256.of(file);
	}

	/** Extracts the default package from the jar into the cache, once per sha256 of its weights. */
	private static Path extractDefault() {
		final String dir = "/models/" + DEFAULT_ID + "/";
		final Map<String, Object> desc;
		try (InputStream in = ModelPackage.class.getResourceAsStream(DEFAULT_RESOURCE)) {
			final Object o = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
			if (!(o instanceof Map)) throw new InpaintingException("The default model descriptor is not a YAML mapping.");
			@SuppressWarnings("unchecked")
			final Map<String, Object> d = (Map<String, Object>) o;
			desc = d;
		}
		catch (final IOException | YAMLException e) {
			throw new InpaintingException("The default model descriptor inside the jar cannot be read (" + e + ").", e);
		}
		final Object weights = desc.get("weights");
		final String sha = weights instanceof Map ? String.valueOf(((Map<?, ?>) weights).get("sha256")) : "unknown";
		final Path target = PackageCache.root().resolve(DEFAULT_ID + "-" + sha.substring(0, Math.min(16, sha.length())));
		if (isCompleteCopy(target, sha)) return target;
		if (Files.exists(target)) StaleWork.deleteTree(target); // an incomplete or damaged earlier copy
		final List<String> files = new ArrayList<>();
		files.add("model.yaml");
		files.add(weights instanceof Map ? String.valueOf(((Map<?, ?>) weights).get("source")) : "model.pt");
		final Object test = desc.get("test");
		if (test instanceof Map) for (final String k : new String[] { "inputs", "outputs" }) {
			final Object l = ((Map<?, ?>) test).get(k);
			if (l instanceof List) for (final Object f : (List<?>) l)
				files.add(String.valueOf(f));
		}
		return PackageCache.publish(target, tmp -> {
			for (final String f : files) {
				try (InputStream in = ModelPackage.class.getResourceAsStream(dir + f)) {
					if (in == null) throw new InpaintingException("The jar lacks " + dir + f + " of the default model.");
					Files.copy(in, tmp.resolve(f));
				}
			}
		});
	}

	private static boolean isCompleteCopy(final Path folder, final String sha) {
		final Path pt = folder.resolve("model.pt");
		return Files.isRegularFile(folder.resolve("model.yaml")) && Files.isRegularFile(pt) && sha.equals(sha256(pt));
	}
}
