package org.misf.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.misf.core.ProgressListener;

/**
 * The full-width (64) release layout end to end. The 92 MB fixed-seed checkpoint is too big to commit,
 * so /usr/bin/python3 (with torch) makes it into target/ at test time with the same script as the
 * committed fixtures; the imported model.pt is then checked back in Python (torch.jit.load, eager net).
 */
class FullWidthImportTest {

	static final String PYTHON = "/usr/bin/python3";
	static final Path FIXTURE_DIR = Paths.get("target", "ckpt-w64");

	@TempDir
	Path tmp;

	@Test
	@Tag("slow")
	void fullWidthReleaseCheckpointImportsAndMatchesPython() throws Exception {
		Assumptions.assumeTrue(run(PYTHON, "-c", "import torch") == 0, PYTHON + " with torch is needed to make the fixture");
		assertEquals(0, run(PYTHON, "training/make_checkpoint_fixtures.py", "--good", "--width", "64", "--out",
			FIXTURE_DIR.toString()));
		final Path checkpoint = FIXTURE_DIR.resolve("misf-w64-seed1234.pth");

		final long start = System.nanoTime();
		final Path pkg = CheckpointImporter.importCheckpoint(checkpoint, tmp.resolve("misf-w64"), "none (fixed seed)",
			ProgressListener.NONE);
		final double seconds = (System.nanoTime() - start) / 1e9;
		System.out.printf("width-64 import of %d MB took %.1f s%n", Files.size(checkpoint) >> 20, seconds);

		for (final String size : Arrays.asList("64x96", "72x40")) {
			final int[] hw = Arrays.stream(size.split("x")).mapToInt(Integer::parseInt).toArray();
			final float[] got = SelfCheckOutput.compute(pkg.resolve("model.pt"),
				Fixtures.npy(FIXTURE_DIR.resolve("input_image_" + size + ".npy")),
				Fixtures.npy(FIXTURE_DIR.resolve("input_mask_" + size + ".npy")), hw[0], hw[1]);
			final float diff = Fixtures.maxAbsDiff(Fixtures.npy(FIXTURE_DIR.resolve("expected_" + size + ".npy")), got);
			System.out.println("width-64 at " + size + ": max abs diff to Python eager " + diff);
			assertTrue(diff <= 1e-4, "max abs diff " + diff + " at " + size);
		}
		assertEquals(0, run(PYTHON, "training/verify_package.py", "--package", pkg.toString(), "--checkpoint",
			checkpoint.toString()), "model.pt written by libtorch loads in Python and equals the eager network");
	}

	@Test
	@Tag("slow")
	void bareStateDictOfTheReleaseLayoutImports() throws Exception {
		Assumptions.assumeTrue(run(PYTHON, "-c", "import torch") == 0, PYTHON + " with torch is needed to check it");
		final Path checkpoint = Fixtures.broken("constant_w64.pth");
		final Path pkg = CheckpointImporter.importCheckpoint(checkpoint, tmp.resolve("constant"), (String) null,
			ProgressListener.NONE);
		final List<String> yaml = Files.readAllLines(pkg.resolve("model.yaml"), StandardCharsets.UTF_8);
		assertTrue(yaml.stream().anyMatch(l -> l.contains("dataset: not stated at import")), String.join("\n", yaml));
		assertEquals(0, run(PYTHON, "training/verify_package.py", "--package", pkg.toString(), "--checkpoint",
			checkpoint.toString()));
	}

	private static int run(final String... command) throws IOException, InterruptedException {
		if (!Files.isExecutable(Paths.get(command[0]))) return -1;
		final Process p = new ProcessBuilder(command).inheritIO().start();
		return p.waitFor();
	}
}
