package org.misf.checkpoint;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The model.yaml of an imported package: the same fields, in the same order, as training/export.py
 * writes, plus {@code provenance} (source file and its sha256, who made the weights, on what data).
 */
final class PackageDescriptor {

	static final String CITATION = "Li, X., Guo, Q., Lin, D., Li, P., Feng, W., Wang, S. MISF: Multi-level " +
		"Interactive Siamese Filtering for High-Fidelity Image Inpainting. CVPR 2022.";

	private PackageDescriptor() {}

	/** Everything the descriptor says about one import. */
	static final class Facts {
		String id;
		String name;
		MisfArchitecture architecture;
		String modelSha256;
		String pytorchVersion;
		String sourceFile;
		String sourceSha256;
		Long iteration;
		ImportOptions options;
		String importedOn;
	}

	static void write(final Path file, final Facts f) throws IOException {
		final Map<String, Object> d = new LinkedHashMap<>();
		d.put("format_version", 1);
		d.put("id", f.id);
		d.put("name", f.name);
		d.put("version", "1.0.0");
		d.put("description", "MISF image inpainting generator (Multi-level Interactive Siamese Filtering), " +
			"imported from the checkpoint " + f.sourceFile + ".");
		d.put("architecture", map("name", "MISF", "width", f.architecture.width(), "residual_blocks",
			f.architecture.residualBlocks(), "parameters", f.architecture.parameterCount()));
		d.put("weights", map("source", "model.pt", "format", "torchscript", "sha256", f.modelSha256,
			"pytorch_version", f.pytorchVersion));
		d.put("inputs", Arrays.asList(
			map("name", "image", "axes", "bcyx", "channels", 3, "dtype", "float32", "data_range", range()),
			map("name", "mask", "axes", "bcyx", "channels", 1, "dtype", "float32", "data_range", range(),
				"meaning", "1 = hole (to fill), 0 = known")));
		d.put("outputs", Arrays.asList(map("name", "output", "axes", "bcyx", "channels", 3, "dtype", "float32",
			"data_range", range(), "meaning", "inpainted RGB, known pixels copied from the input")));
		d.put("size", map("multiple_of", 4, "min", 16, "comfortable", 256, "max", 512));
		d.put("test", map("inputs", Arrays.asList("test_input_image.npy", "test_input_mask.npy"), "outputs",
			Arrays.asList("test_output.npy"), "tolerance", 1e-4));
		final Map<String, Object> training = new LinkedHashMap<>();
		training.put("dataset", f.options.dataset() != null ? f.options.dataset() : "not stated at import");
		if (f.iteration != null) training.put("iterations", f.iteration);
		d.put("training", training);
		d.put("license", "weights by " + f.options.weightsBy() + "; their terms of use apply");
		d.put("citation", CITATION);
		final Map<String, Object> provenance = new LinkedHashMap<>();
		provenance.put("source_file", f.sourceFile);
		provenance.put("source_sha256", f.sourceSha256);
		provenance.put("weights_by", f.options.weightsBy());
		if (f.options.dataset() != null) provenance.put("dataset", f.options.dataset());
		provenance.put("imported_with", "MISF for Fiji checkpoint importer (org.misf.checkpoint)");
		provenance.put("imported_on", f.importedOn);
		d.put("provenance", provenance);

		final DumperOptions o = new DumperOptions();
		o.setDefaultFlowStyle(DumperOptions.FlowStyle.AUTO);
		o.setWidth(120);
		try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			w.write("# MISF for Fiji model package descriptor (see README.md, 'Model packages')\n");
			new Yaml(o).dump(d, w);
		}
	}

	private static List<Double> range() {
		return Arrays.asList(0.0, 1.0);
	}

	private static Map<String, Object> map(final Object... keysAndValues) {
		final Map<String, Object> m = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2)
			m.put((String) keysAndValues[i], keysAndValues[i + 1]);
		return m;
	}
}
