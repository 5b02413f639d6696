package org.misf.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.misf.model.PackageDescriptor.Kind;

/** One descriptor for both kinds of package: the shipped ones read typed, the wrong kind refused, writing reads back. */
class PackageDescriptorTest {

	private static final Path MISF = Paths.get("models", ModelPackage.DEFAULT_ID, PackageDescriptor.FILE);

	private static final Path LPIPS = Paths.get("models", "lpips-squeeze-v0.1", PackageDescriptor.FILE);

	@Test
	void theShippedDescriptorsReadTyped() {
		final PackageDescriptor m = PackageDescriptor.read(MISF, Kind.MISF, "misf");
		assertEquals(ModelPackage.DEFAULT_ID, m.id());
		assertEquals("model.pt", m.weightsFile());
		assertEquals(64, m.weightsSha256().length());
		assertEquals(Arrays.asList(4, 16, 512), Arrays.asList(m.sizeMultiple(), m.minSize(), m.maxSize()));
		assertEquals(Arrays.asList("test_input_image.npy", "test_input_mask.npy"), m.testFiles(false));
		assertEquals(1e-4, m.testTolerance());
		assertNull(m.backbone());
		final PackageDescriptor l = PackageDescriptor.read(LPIPS, Kind.LPIPS, "lpips");
		assertEquals("LPIPS v0.1 (SqueezeNet)", l.name());
		assertEquals("SqueezeNet 1.1", l.backbone());
		assertEquals("LPIPS v0.1", l.version());
		assertEquals(17, l.minSize());
		assertEquals(1e-5, l.testTolerance());
		assertEquals(Arrays.asList("model.yaml", "model.pt", "test_input_a.npy", "test_input_b.npy",
			"test_output.npy"), l.files());
	}

	@Test
	void aPackageOfTheOtherKindIsRefusedWithASentence() {
		final InpaintingException misfAsLpips = assertThrows(InpaintingException.class, () -> PackageDescriptor.read(
			MISF, Kind.LPIPS, "x"));
		assertEquals("'x' is not an LPIPS package (its model.yaml lacks 'kind: lpips').", misfAsLpips.getMessage());
		final InpaintingException lpipsAsMisf = assertThrows(InpaintingException.class, () -> PackageDescriptor.read(
			LPIPS, Kind.MISF, "y"));
		assertTrue(lpipsAsMisf.getMessage().startsWith("The model package y does not declare the MISF interface"),
			lpipsAsMisf.getMessage());
	}

	@Test
	void missingKeysAreNamed(@TempDir final Path tmp) throws IOException {
		final Path yaml = tmp.resolve(PackageDescriptor.FILE);
		Files.write(yaml, "kind: lpips\nweights: {source: model.pt, sha256: ab}\nid: a\nname: b\nversion: c\n"
			.getBytes(StandardCharsets.UTF_8));
		assertEquals("The descriptor model.yaml of LPIPS package z lacks 'backbone'.", assertThrows(
			InpaintingException.class, () -> PackageDescriptor.read(yaml, Kind.LPIPS, "z")).getMessage());
		assertEquals("The LPIPS package w has no model.yaml descriptor.", assertThrows(InpaintingException.class,
			() -> PackageDescriptor.read(tmp.resolve("none.yaml"), Kind.LPIPS, "w")).getMessage());
	}

	@Test
	void whatTheBuilderWritesReadsBackInExportPyOrder(@TempDir final Path tmp) throws IOException {
		final PackageDescriptor built = DescriptorBuilder.misf("misf-x", "MISF x", "1.0.0").description("d")
			.architecture(8, 8, 364_541).weights("AB" + "0".repeat(62), "1.13.0").training(null, 7L).license("l")
			.provenance("x.pth", "cd", "someone", null, "importer", "2024-01-01").build();
		final Path yaml = tmp.resolve(PackageDescriptor.FILE);
		built.write(yaml);
		final PackageDescriptor read = PackageDescriptor.read(yaml, Kind.MISF, "x");
		assertEquals(built.asMap().toString(), read.asMap().toString()); // YAML reads small longs back as ints
		assertEquals(Arrays.asList("format_version", "id", "name", "version", "description", "architecture",
			"weights", "inputs", "outputs", "size", "test", "training", "license", "citation", "provenance"),
			new ArrayList<>(read.asMap().keySet()));
		assertEquals("ab" + "0".repeat(62), read.weightsSha256());
		assertEquals(Arrays.asList("model.yaml", DescriptorBuilder.WEIGHTS_FILE, DescriptorBuilder.TEST_IMAGE,
			DescriptorBuilder.TEST_MASK, DescriptorBuilder.TEST_OUTPUT), read.files());
		assertTrue(Files.readAllLines(yaml).get(0).startsWith("# MISF for Fiji model package descriptor"));
	}
}
