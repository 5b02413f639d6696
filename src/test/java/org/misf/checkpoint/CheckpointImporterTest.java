package org.misf.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.misf.core.CancelledException;
import org.misf.core.ProgressListener;
import org.yaml.snakeyaml.Yaml;

/**
 * Imports the committed fixed-seed width-8 release-format fixture (its skeleton is a test resource) and
 * compares the imported model with the Python eager output; refused files leave nothing behind.
 */
class CheckpointImporterTest {

	@TempDir
	static Path shared;

	private static Path pkg;

	@TempDir
	Path tmp;

	/** The imported fixture, made on first use by the tests that read it: the others do not wait for it. */
	private static synchronized Path pkg() {
		if (pkg == null) pkg = CheckpointImporter.importCheckpoint(Fixtures.resource(Fixtures.W8), shared.resolve(
			"misf-w8"), ImportOptions.defaults().withDataset("none (fixed seed 1234)"), ProgressListener.NONE);
		return pkg;
	}

	@AfterAll
	static void forgetFixture() {
		pkg = null; // its folder goes with the class's temporary folder
	}

	@ParameterizedTest
	@CsvSource({ "64, 96", "72, 40" })
	void importedModelEqualsPythonEagerOutputAtNonSquareSizes(final int h, final int w) throws IOException {
		final String size = h + "x" + w;
		final float[] got = SelfCheckOutput.compute(pkg().resolve("model.pt"),
			Fixtures.npy(Fixtures.resource(Fixtures.GOOD + "input_image_" + size + ".npy")),
			Fixtures.npy(Fixtures.resource(Fixtures.GOOD + "input_mask_" + size + ".npy")), h, w);
		final float[] expected = Fixtures.npy(Fixtures.resource(Fixtures.GOOD + "expected_" + size + ".npy"));
		final float diff = Fixtures.maxAbsDiff(expected, got);
		System.out.println("width-8 fixture at " + size + ": max abs diff to Python eager " + diff);
		assertTrue(diff <= Fixtures.PYTHON_PARITY_W8, "max abs diff " + diff + " at " + size);
	}

	@Test
	void packageHoldsModelDescriptorAndTestPair() throws IOException {
		try (Stream<Path> files = Files.list(pkg())) {
			assertEquals("[model.pt, model.yaml, test_input_image.npy, test_input_mask.npy, test_output.npy]",
				files.map(p -> p.getFileName().toString()).sorted().collect(java.util.stream.Collectors.toList()).toString());
		}
		final Map<String, Object> d;
		try (Reader r = Files.newBufferedReader(pkg().resolve("model.yaml"))) {
			d = new Yaml().load(r);
		}
		assertEquals("misf-none-fixed-seed-1234", d.get("id"));
		assertEquals(CheckpointImporter.sha256(pkg().resolve("model.pt")), map(d, "weights").get("sha256"));
		assertEquals(8, map(d, "architecture").get("width"));
		assertEquals(364_541, map(d, "architecture").get("parameters"));
		assertEquals(0, map(d, "training").get("iterations"));
		final Map<String, Object> provenance = map(d, "provenance");
		assertEquals("misf-w8-seed1234.pth", provenance.get("source_file"));
		assertEquals(CheckpointImporter.sha256(Fixtures.resource(Fixtures.W8)), provenance.get("source_sha256"));
		assertEquals(ImportOptions.MISF_AUTHORS, provenance.get("weights_by"));
		assertEquals("none (fixed seed 1234)", provenance.get("dataset"));
		// the test pair is non-square and is what the written model.pt computes
		final float[] output = Fixtures.npy(pkg().resolve("test_output.npy"));
		assertEquals(3 * 64 * 96, output.length);
		final float[] mask = Fixtures.npy(pkg().resolve("test_input_mask.npy"));
		final float[] image = Fixtures.npy(pkg().resolve("test_input_image.npy"));
		for (int i = 0; i < output.length; i++)
			if (mask[i % (64 * 96)] == 0) assertEquals(image[i], output[i], 1e-6f, "known pixels are kept");
	}

	@ParameterizedTest
	@ValueSource(strings = { "posix_system.pth", "os_system.pth", "builtins_eval.pth", "stack_global_eval.pth",
		"truncated.pth", "legacy.pth", "missing_key.pth", "wrong_shape.pth", "unexpected_key.pth", "non_float.pth",
		"absurd_shape.pth", "zip_bomb.pth" })
	void refusedFilesWriteNothing(final String file) throws IOException {
		final Path target = tmp.resolve("out").resolve("pkg");
		final CheckpointException e = assertThrows(CheckpointException.class,
			() -> CheckpointImporter.importCheckpoint(Fixtures.broken(file), target, (String) null, ProgressListener.NONE));
		assertFalse(e.getMessage().isEmpty());
		assertFalse(e.getMessage().contains("\n"), "one sentence: " + e.getMessage());
		assertFalse(Files.exists(tmp.resolve("out")), "nothing written for " + file);
	}

	@Test
	void neverOverwritesAFolder() throws IOException {
		final Path target = Files.createDirectories(tmp.resolve("taken"));
		Files.write(target.resolve("keep.txt"), new byte[] { 42 });
		final CheckpointException e = assertThrows(CheckpointException.class,
			() -> CheckpointImporter.importCheckpoint(Fixtures.resource(Fixtures.W8), target, (String) null, null));
		assertTrue(e.getMessage().contains("not empty"), e.getMessage());
		try (Stream<Path> files = Files.list(target)) {
			assertEquals(1, files.count());
		}
	}

	@Test
	void cancellingLeavesNothing() throws IOException {
		final ProgressListener cancelAfterTen = new ProgressListener() {
			long seen;

			@Override
			public void progress(final long done, final long total, final String message) {
				seen = done;
			}

			@Override
			public boolean isCancelled() {
				return seen >= 10;
			}
		};
		assertThrows(CancelledException.class, () -> CheckpointImporter.importCheckpoint(Fixtures.resource(Fixtures.W8),
			tmp.resolve("pkg"), (String) null, cancelAfterTen));
		try (Stream<Path> files = Files.list(tmp)) {
			assertEquals(0, files.count(), "no package and no temporary folder");
		}
	}

	@Test
	void refusesWidthsWithoutASkeleton() {
		// the jar ships skeletons for widths 64, 32 and 16; the tests add 8
		assertTrue(Skeletons.available(MisfArchitecture.release()));
		assertTrue(Skeletons.available(MisfArchitecture.of(16, 8)));
		assertTrue(Skeletons.available(MisfArchitecture.of(32, 8)));
		assertFalse(Skeletons.available(MisfArchitecture.of(24, 8)));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(final Map<String, Object> d, final String key) {
		return (Map<String, Object>) d.get(key);
	}
}
