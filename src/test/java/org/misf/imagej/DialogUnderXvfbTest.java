package org.misf.imagej;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The <em>MISF Inpaint</em> dialog in ImageJ 1.x with its window, under Xvfb on a 1280x1024 screen ({@link DialogProbe}):
 * it appears without starting the engine (which took seconds: it looked for a GPU), offers the open mask image,
 * warns that a JPEG-like mask has more than two values at threshold 0, and its Help window holds its whole text.
 */
@Tag("packaged") // its JVM takes the jars that the package phase copies to target/lib
class DialogUnderXvfbTest {

	@TempDir
	Path dir;

	@Test
	@Tag("slow")
	void theDialogOffersTheMaskImageWarnsAndStartsNoEngineAndItsHelpFits() throws Exception {
		ImageJ1Runner.assumeXvfb();
		final String cp = String.join(File.pathSeparator, Paths.get("target/test-classes").toAbsolutePath().toString(),
			Paths.get("target/classes").toAbsolutePath().toString(), Paths.get("target/lib").toAbsolutePath() +
				File.separator + "*");
		final Path shot = dir.resolve("dialog.png");
		final ImageJ1Runner.Run run = ImageJ1Runner.create(dir.resolve("ij")).runOnScreen(Arrays.asList("java", "-cp", cp,
			DialogProbe.class.getName(), Paths.get("examples").toAbsolutePath().toString(), shot.toString()),
			"1280x1024x24");
		assertEquals(0, run.exitCode, run.output);
		assertTrue(run.output.contains("engine started before the dialog: false"), run.output);
		assertTrue(run.output.contains("mask source: Mask image"), run.output);
		assertTrue(run.output.contains("mask image: mural_mask.jpg"), run.output);
		assertTrue(run.output.contains("warning line: Warning: 'mural_mask.jpg' has more than two values (0, 3, 255,"),
			run.output);
		final Matcher help = Pattern.compile("text ends at (\\d+) px of a visible (\\d+) px; scroll bar shown: (\\w+)")
			.matcher(run.output);
		assertTrue(help.find(), run.output);
		assertTrue(Integer.parseInt(help.group(1)) <= Integer.parseInt(help.group(2)), "the Help text fits: " + help
			.group());
		assertEquals("false", help.group(3));
		assertTrue(run.output.contains("cancelled: true"), run.output);
		assertTrue(Files.size(shot) > 1000, "a screenshot of the dialog was written");
	}
}
