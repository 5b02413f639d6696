package org.misf.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * What a package's {@code model.yaml} says, typed and checked, for both kinds of package (README, "Model
 * packages"): MISF inpainting models (written by training/export.py and the checkpoint importer) and LPIPS
 * networks (training/lpips_export.py). The keys of model.yaml are named here and in {@link DescriptorBuilder},
 * which writes them; nothing else reads or writes the file. A descriptor says nothing about the files on disk:
 * {@link PackageTrust} checks those against it.
 */
public final class PackageDescriptor {

	/** The kinds of package; each says what it is called in messages and what it assumes when a key is absent. */
	public enum Kind {
		/** An inpainting network: image[B,3,H,W] and mask[B,1,H,W] to [B,3,H,W]; no {@code kind} key. */
		MISF("model package", null, "--model", 4, 16, 512, 1e-4),
		/** An LPIPS network: {@code forward(a, b)} to one distance per item; {@code kind: lpips}. */
		LPIPS("LPIPS package", "lpips", "--lpips", 1, 1, Integer.MAX_VALUE, 1e-5);

		private final String noun;
		private final String declared;
		private final String option;
		private final int multiple, min, max;
		private final double tolerance;

		Kind(final String noun, final String declared, final String option, final int multiple, final int min,
			final int max, final double tolerance)
		{
			this.noun = noun;
			this.declared = declared;
			this.option = option;
			this.multiple = multiple;
			this.min = min;
			this.max = max;
			this.tolerance = tolerance;
		}

		/** "model package" or "LPIPS package", as messages name it. */
		public String noun() { return noun; }

		/** The command-line option that names another package of this kind. */
		String option() { return option; }
	}

	/** The descriptor's file name in a package folder. */
	public static final String FILE = "model.yaml";

	static final String FORMAT_VERSION = "format_version", ID = "id", NAME = "name", VERSION = "version",
		KIND = "kind", BACKBONE = "backbone", WEIGHTS = "weights", SOURCE = "source", SHA256 = "sha256",
		INPUTS = "inputs", OUTPUTS = "outputs", CHANNELS = "channels", SIZE = "size", MULTIPLE_OF = "multiple_of",
		MIN = "min", MAX = "max", TEST = "test", TOLERANCE = "tolerance";

	/** The MISF interface: channels of the inputs (image, mask) and of the one output. */
	static final int[] MISF_INPUT_CHANNELS = { 3, 1 }, MISF_OUTPUT_CHANNELS = { 3 };

	private final Kind kind;
	private final String source;
	private final Map<String, Object> map;

	PackageDescriptor(final Map<String, Object> map, final Kind kind, final String source) {
		this.map = map;
		this.kind = kind;
		this.source = source;
		if (kind == Kind.LPIPS && !kind.declared.equals(map.get(KIND))) throw new InpaintingException("'" + source +
			"' is not an LPIPS package (its model.yaml lacks 'kind: lpips').");
		for (final String[] key : new String[][] { { WEIGHTS, SOURCE }, { WEIGHTS, SHA256 }, { ID }, { NAME },
			{ VERSION } })
			string(key);
		if (kind == Kind.LPIPS) string(BACKBONE);
		if (kind == Kind.MISF && !(channels(INPUTS, MISF_INPUT_CHANNELS) && channels(OUTPUTS, MISF_OUTPUT_CHANNELS)))
			throw new InpaintingException("The " + kind.noun + " " + source +
				" does not declare the MISF interface (inputs image with 3 channels and mask with 1, output with 3).");
		if (sizeMultiple() < 1 || minSize() < 1 || maxSize() < minSize())
			throw new InpaintingException("The " + kind.noun + " " + source + " declares inconsistent window sizes.");
	}

	/** Reads and checks a package's model.yaml; {@code source} names the package in messages. */
	public static PackageDescriptor read(final Path yaml, final Kind kind, final String source) {
		if (!Files.isRegularFile(yaml))
			throw new InpaintingException("The " + kind.noun + " " + source + " has no " + FILE + " descriptor.");
		try (Reader r = Files.newBufferedReader(yaml, StandardCharsets.UTF_8)) {
			return new PackageDescriptor(load(r, kind, source), kind, source);
		}
		catch (final IOException e) {
			throw new InpaintingException(what(kind, source) + " cannot be read (" + e + ").", e);
		}
	}

	/** As {@link #read(Path, Kind, String)}, from a stream (the packages inside the jar). */
	public static PackageDescriptor read(final InputStream in, final Kind kind, final String source) {
		return new PackageDescriptor(load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8), kind, source),
			kind, source);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> load(final Reader r, final Kind kind, final String source) {
		try {
			final Object o = new Yaml(new SafeConstructor(new LoaderOptions())).load(r);
			if (!(o instanceof Map)) throw new InpaintingException(what(kind, source) + " is not a YAML mapping.");
			return (Map<String, Object>) o;
		}
		catch (final YAMLException e) {
			throw new InpaintingException(what(kind, source) + " is not valid YAML (" + String.valueOf(e.getMessage())
				.split("\n")[0] + ").", e);
		}
	}

	private static String what(final Kind kind, final String source) {
		return "The descriptor " + FILE + " of " + kind.noun + " " + source;
	}

	/** Writes the descriptor as YAML, its keys in the order they were given, under a one-line comment. */
	public void write(final Path file) throws IOException {
		final DumperOptions o = new DumperOptions();
		o.setDefaultFlowStyle(DumperOptions.FlowStyle.AUTO);
		o.setWidth(120);
		try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			w.write(kind == Kind.LPIPS ? "# MISF for Fiji LPIPS package descriptor (see README.md, 'Metrics')\n" :
				"# MISF for Fiji model package descriptor (see README.md, 'Model packages')\n");
			new Yaml(o).dump(map, w);
		}
	}

	public Kind kind() { return kind; }

	public String id() { return string(ID); }

	public String name() { return string(NAME); }

	public String version() { return string(VERSION); }

	/** The LPIPS backbone, e.g. "SqueezeNet 1.1"; null for MISF packages. */
	public String backbone() { return kind == Kind.LPIPS ? string(BACKBONE) : null; }

	/** The weights file, relative to the package folder. */
	public String weightsFile() { return string(WEIGHTS, SOURCE); }

	/** The sha256 of the weights, lower case. */
	public String weightsSha256() { return string(WEIGHTS, SHA256).toLowerCase(); }

	/** Window sides must be multiples of this. */
	public int sizeMultiple() { return integer(kind.multiple, SIZE, MULTIPLE_OF); }

	/** Smallest width and height the network accepts. */
	public int minSize() { return integer(kind.min, SIZE, MIN); }

	/** Largest window side run at full resolution; larger windows are shrunk (see WindowPlanner). */
	public int maxSize() { return integer(kind.max, SIZE, MAX); }

	/** The test pair's inputs ({@code outputs} false) or expected outputs, relative to the package folder. */
	public List<String> testFiles(final boolean outputs) {
		final Object list = value(TEST, outputs ? OUTPUTS : INPUTS);
		final List<String> files = new ArrayList<>();
		if (list instanceof List) for (final Object f : (List<?>) list)
			files.add(String.valueOf(f));
		return Collections.unmodifiableList(files);
	}

	public double testTolerance() {
		final Object t = value(TEST, TOLERANCE);
		return t instanceof Number ? ((Number) t).doubleValue() : kind.tolerance;
	}

	/** Every file the package consists of: the descriptor, the weights, the test pair. */
	public List<String> files() {
		final List<String> files = new ArrayList<>();
		files.add(FILE);
		files.add(weightsFile());
		files.addAll(testFiles(false));
		files.addAll(testFiles(true));
		return files;
	}

	/** The whole descriptor as read from model.yaml (or given to {@link DescriptorBuilder}). */
	public Map<String, Object> asMap() { return Collections.unmodifiableMap(new LinkedHashMap<>(map)); }

	/** Names the package in messages (the folder, zip or "default (id)" it was opened from). */
	String source() { return source; }

	private boolean channels(final String key, final int[] want) {
		final Object list = value(key);
		if (!(list instanceof List) || ((List<?>) list).size() != want.length) return false;
		for (int i = 0; i < want.length; i++) {
			final Object io = ((List<?>) list).get(i);
			final Object c = io instanceof Map ? ((Map<?, ?>) io).get(CHANNELS) : null;
			if (!(c instanceof Number) || ((Number) c).intValue() != want[i]) return false;
		}
		return true;
	}

	private Object value(final String... keys) {
		Object o = map;
		for (final String k : keys) {
			if (!(o instanceof Map)) return null;
			o = ((Map<?, ?>) o).get(k);
		}
		return o;
	}

	private String string(final String... keys) {
		final Object o = value(keys);
		if (o == null) throw new InpaintingException(what(kind, source) + " lacks '" + String.join(".", keys) + "'.");
		return String.valueOf(o);
	}

	private int integer(final int fallback, final String... keys) {
		final Object o = value(keys);
		return o instanceof Number ? ((Number) o).intValue() : fallback;
	}
}
