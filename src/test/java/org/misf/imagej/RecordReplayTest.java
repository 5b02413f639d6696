package org.misf.imagej;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A recorded "MISF Inpaint" macro line replays to the same result in the ImageJ 1.x plugin and in the
 * SciJava command (see {@link RecordReplayCheck}, run in its own JVM under Xvfb with the real model).
 */
@Tag("packaged") // its JVM takes the jars that the package phase copies to target/lib
class RecordReplayTest {

	@TempDir
	Path dir;

	@Test
	@Tag("slow")
	void recordedOptionsReplayIdentically() throws Exception {
		ImageJ1Runner.assumeXvfb();
		final String cp = String.join(File.pathSeparator, Paths.get("target/test-classes").toAbsolutePath().toString(),
			Paths.get("target/classes").toAbsolutePath().toString(), Paths.get("target/lib").toAbsolutePath() + File.separator + "*");
		final ImageJ1Runner runner = ImageJ1Runner.create(dir);
		final ImageJ1Runner.Run run = runner.run(Arrays.asList("java", "-Xmx2g", "-cp", cp, RecordReplayCheck.class
			.getName()));
		assertEquals(0, run.exitCode, run.output);
		assertTrue(run.output.contains("ALL REPLAYED"), run.output);
		assertTrue(run.output.contains(
			"recorded: mask=[Current selection] mask_image=None model=default device=auto dilate=0 output=[In place] slices=Current"),
			run.output);
	}
}
