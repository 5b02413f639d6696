package org.misf.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Opening model packages: good ones (folder, zip) and every kind of broken one, each with a clear sentence. */
@ExtendWith(OwnPackageCache.class)
class ModelPackageTest {

	@TempDir
	static Path tmp;

	private static Path original;

	@BeforeAll
	static void setUp() {
		original = ModelPackage.defaultPackage().root();
	}

	private static Path copy(final String name) throws IOException {
		final Path dir = Files.createDirectories(tmp.resolve(name));
		for (final String f : new String[] { "model.pt", "model.yaml", "test_input_image.npy", "test_input_mask.npy",
			"test_output.npy" })
			Files.copy(original.resolve(f), dir.resolve(f));
		return dir;
	}

	private static String error(final Path p) {
		return assertThrows(InpaintingException.class, () -> ModelPackage.open(p)).getMessage();
	}

	@Test
	void folderAndZipOpen() throws IOException {
		final ModelPackage folder = ModelPackage.open(copy("good"));
		assertEquals(ModelPackage.DEFAULT_ID, folder.id());
		final Path zip = tmp.resolve("good.zip");
		try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
			for (final String f : new String[] { "model.pt", "model.yaml", "test_input_image.npy" }) {
				z.putNextEntry(new ZipEntry(ModelPackage.DEFAULT_ID + "/" + f));
				Files.copy(original.resolve(f), z);
				z.closeEntry();
			}
		}
		// picking a file inside the folder (a file chooser's habit) opens the folder
		assertEquals(folder.sha256(), ModelPackage.open(copy("picked").resolve("model.yaml")).sha256());
		final ModelPackage zipped = ModelPackage.open(zip);
		assertEquals(folder.sha256(), zipped.sha256());
		assertTrue(zipped.root().startsWith(OwnPackageCache.folder()));
	}

	@Test
	void missingPackageOrDescriptor() throws IOException {
		assertTrue(error(tmp.resolve("nowhere")).startsWith("There is no model package at"));
		final Path dir = copy("nodesc");
		Files.delete(dir.resolve("model.yaml"));
		assertTrue(error(dir).endsWith("has no model.yaml descriptor."));
	}

	@Test
	void truncatedOrReplacedWeightsFailTheSha256Check() throws IOException {
		final Path dir = copy("truncated");
		final byte[] b = Files.readAllBytes(dir.resolve("model.pt"));
		Files.write(dir.resolve("model.pt"), Arrays.copyOf(b, b.length / 2));
		final String msg = error(dir);
		assertTrue(msg.contains("do not match the sha256"), msg);
	}

	@Test
	void wrongSha256InTheDescriptor() throws IOException {
		final Path dir = copy("wrongsha");
		final Path yaml = dir.resolve("model.yaml");
		final String text = new String(Files.readAllBytes(yaml), StandardCharsets.UTF_8);
		final String sha = ModelPackage.sha256(dir.resolve("model.pt"));
		Files.write(yaml, text.replace(sha, sha.replace(sha.charAt(0), sha.charAt(0) == 'a' ? 'b' : 'a')).getBytes(
			StandardCharsets.UTF_8));
		assertTrue(error(dir).contains("do not match the sha256"));
	}

	@Test
	void invalidYamlAndMissingFields() throws IOException {
		final Path dir = copy("badyaml");
		Files.write(dir.resolve("model.yaml"), "id: [unclosed\n  weights: {".getBytes(StandardCharsets.UTF_8));
		assertTrue(error(dir).contains("is not valid YAML"));
		Files.write(dir.resolve("model.yaml"), "id: x\nname: y\n".getBytes(StandardCharsets.UTF_8));
		assertTrue(error(dir).contains("lacks 'weights.source'"));
	}

	@Test
	void corruptWeightsWithAMatchingShaFailToLoadWithAClearSentence() throws IOException {
		final Path dir = copy("corrupt");
		final Path pt = dir.resolve("model.pt");
		final String oldSha = ModelPackage.sha256(pt);
		try (OutputStream o = Files.newOutputStream(pt)) {
			o.write("this is not TorchScript".getBytes(StandardCharsets.UTF_8));
		}
		final Path yaml = dir.resolve("model.yaml");
		Files.write(yaml, new String(Files.readAllBytes(yaml), StandardCharsets.UTF_8).replace(oldSha, ModelPackage
			.sha256(pt)).getBytes(StandardCharsets.UTF_8));
		final ModelPackage pkg = ModelPackage.open(dir); // the hash matches: the descriptor was made for this file
		final InpaintingException e = assertThrows(InpaintingException.class, () -> Inpainters.open(pkg, Device.CPU));
		assertTrue(e.getMessage().contains("cannot be loaded as TorchScript"), e.getMessage());
		assertEquals(1, e.getMessage().split("\n").length);
	}

	@Test
	void descriptorWithTheWrongInterfaceIsRefused() throws IOException {
		final Path dir = copy("wrongshape");
		final Path yaml = dir.resolve("model.yaml");
		Files.write(yaml, new String(Files.readAllBytes(yaml), StandardCharsets.UTF_8).replaceFirst("channels: 1",
			"channels: 2").getBytes(StandardCharsets.UTF_8));
		assertTrue(error(dir).contains("does not declare the MISF interface"));
	}

	@Test
	void gpuAskedForButAbsentIsAClearError() {
		final ModelPackage pkg = ModelPackage.defaultPackage();
		org.junit.jupiter.api.Assumptions.assumeTrue(ai.djl.engine.Engine.getEngine("PyTorch").getGpuCount() == 0,
			"a GPU is there: this checks the message without one (reported as skipped, not passed)");
		final InpaintingException e = assertThrows(InpaintingException.class, () -> Inpainters.open(pkg, Device.GPU));
		assertTrue(e.getMessage().startsWith("A GPU was asked for"), e.getMessage());
	}
}
