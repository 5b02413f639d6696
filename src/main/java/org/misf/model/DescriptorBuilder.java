package org.misf.model;

import static org.misf.model.PackageDescriptor.CHANNELS;
import static org.misf.model.PackageDescriptor.FORMAT_VERSION;
import static org.misf.model.PackageDescriptor.ID;
import static org.misf.model.PackageDescriptor.INPUTS;
import static org.misf.model.PackageDescriptor.MAX;
import static org.misf.model.PackageDescriptor.MIN;
import static org.misf.model.PackageDescriptor.MISF_INPUT_CHANNELS;
import static org.misf.model.PackageDescriptor.MISF_OUTPUT_CHANNELS;
import static org.misf.model.PackageDescriptor.MULTIPLE_OF;
import static org.misf.model.PackageDescriptor.NAME;
import static org.misf.model.PackageDescriptor.OUTPUTS;
import static org.misf.model.PackageDescriptor.SHA256;
import static org.misf.model.PackageDescriptor.SIZE;
import static org.misf.model.PackageDescriptor.SOURCE;
import static org.misf.model.PackageDescriptor.TEST;
import static org.misf.model.PackageDescriptor.TOLERANCE;
import static org.misf.model.PackageDescriptor.VERSION;
import static org.misf.model.PackageDescriptor.WEIGHTS;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the descriptor of a MISF package, with the same keys in the same order as training/export.py: the
 * checkpoint importer gives the facts, this class names the keys (those {@link PackageDescriptor} reads come
 * from there). {@link #build()} checks the result by the rules every reader applies.
 */
public final class DescriptorBuilder {

	/** The paper every MISF package cites. */
	public static final String CITATION = "Li, X., Guo, Q., Lin, D., Li, P., Feng, W., Wang, S. MISF: Multi-level " +
		"Interactive Siamese Filtering for High-Fidelity Image Inpainting. CVPR 2022.";

	/** The files of a MISF package besides the descriptor, as export.py names them. */
	public static final String WEIGHTS_FILE = "model.pt", TEST_IMAGE = "test_input_image.npy",
		TEST_MASK = "test_input_mask.npy", TEST_OUTPUT = "test_output.npy";

	private final String id, name, version;
	private String description;
	private Map<String, Object> architecture;
	private String weightsSha256, pytorchVersion;
	private final Map<String, Object> training = new LinkedHashMap<>();
	private String license;
	private final Map<String, Object> provenance = new LinkedHashMap<>();

	private DescriptorBuilder(final String id, final String name, final String version) {
		this.id = id;
		this.name = name;
		this.version = version;
	}

	/** A MISF package's descriptor. */
	public static DescriptorBuilder misf(final String id, final String name, final String version) {
		return new DescriptorBuilder(id, name, version);
	}

	public DescriptorBuilder description(final String text) {
		description = text;
		return this;
	}

	public DescriptorBuilder architecture(final int width, final int residualBlocks, final long parameters) {
		architecture = map("name", "MISF", "width", width, "residual_blocks", residualBlocks, "parameters",
			parameters);
		return this;
	}

	/** The TorchScript weights ({@value #WEIGHTS_FILE}) and the PyTorch version that wrote them. */
	public DescriptorBuilder weights(final String sha256, final String pytorch) {
		weightsSha256 = sha256;
		pytorchVersion = pytorch;
		return this;
	}

	/** What the weights were trained on (null: not stated) and for how many iterations (null: unknown). */
	public DescriptorBuilder training(final String dataset, final Long iterations) {
		training.put("dataset", dataset != null ? dataset : "not stated at import");
		if (iterations != null) training.put("iterations", iterations);
		return this;
	}

	public DescriptorBuilder license(final String text) {
		license = text;
		return this;
	}

	/** Where imported weights came from: the file and its sha256, who made them, on what data, when. */
	public DescriptorBuilder provenance(final String sourceFile, final String sourceSha256, final String weightsBy,
		final String dataset, final String importedWith, final String importedOn)
	{
		provenance.put("source_file", sourceFile);
		provenance.put("source_sha256", sourceSha256);
		provenance.put("weights_by", weightsBy);
		if (dataset != null) provenance.put("dataset", dataset);
		provenance.put("imported_with", importedWith);
		provenance.put("imported_on", importedOn);
		return this;
	}

	/** The descriptor, checked as any reader checks it. */
	public PackageDescriptor build() {
		final Map<String, Object> d = new LinkedHashMap<>();
		d.put(FORMAT_VERSION, 1);
		d.put(ID, id);
		d.put(NAME, name);
		d.put(VERSION, version);
		d.put("description", description);
		d.put("architecture", architecture);
		d.put(WEIGHTS, map(SOURCE, WEIGHTS_FILE, "format", "torchscript", SHA256, weightsSha256, "pytorch_version",
			pytorchVersion));
		d.put(INPUTS, Arrays.asList(
			map(NAME, "image", "axes", "bcyx", CHANNELS, MISF_INPUT_CHANNELS[0], "dtype", "float32", "data_range",
				unit()),
			map(NAME, "mask", "axes", "bcyx", CHANNELS, MISF_INPUT_CHANNELS[1], "dtype", "float32", "data_range",
				unit(), "meaning", "1 = hole (to fill), 0 = known")));
		d.put(OUTPUTS, Arrays.asList(map(NAME, "output", "axes", "bcyx", CHANNELS, MISF_OUTPUT_CHANNELS[0], "dtype",
			"float32", "data_range", unit(), "meaning", "inpainted RGB, known pixels copied from the input")));
		d.put(SIZE, map(MULTIPLE_OF, 4, MIN, 16, "comfortable", 256, MAX, 512));
		d.put(TEST, map(INPUTS, Arrays.asList(TEST_IMAGE, TEST_MASK), OUTPUTS, Arrays.asList(TEST_OUTPUT), TOLERANCE,
			1e-4));
		d.put("training", training);
		d.put("license", license);
		d.put("citation", CITATION);
		if (!provenance.isEmpty()) d.put("provenance", provenance);
		return new PackageDescriptor(d, PackageDescriptor.Kind.MISF, id);
	}

	private static List<Double> unit() {
		return Arrays.asList(0.0, 1.0);
	}

	private static Map<String, Object> map(final Object... keysAndValues) {
		final Map<String, Object> m = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2)
			m.put((String) keysAndValues[i], keysAndValues[i + 1]);
		return m;
	}
}
