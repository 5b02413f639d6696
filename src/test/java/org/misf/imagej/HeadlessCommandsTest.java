package org.misf.imagej;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.misf.imagej.ImageJ1EndToEndTest.assertOnlyHolesChanged;
import static org.misf.imagej.ImageJ1EndToEndTest.picture;
import static org.misf.imagej.ImageJ1EndToEndTest.readRgb;
import static org.misf.imagej.ImageJ1EndToEndTest.savePng;
import static org.misf.imagej.ImageJ1EndToEndTest.strokes;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import ij.ImagePlus;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SciJava commands as Fiji's {@code --headless -batch} runs them ({@link HeadlessBatchProbe}: a headless JVM
 * with {@code -batch} on its command line; Fiji itself cannot be installed here): a failure ends the process within
 * a minute with its sentence on stderr and the command line's exit code, and MISF Batch finishes the good files
 * beside a corrupt one.
 */
@Tag("packaged") // its JVM takes the jars that the package phase copies to target/lib
class HeadlessCommandsTest {

	@TempDir
	Path dir;

	private static final class Ended {
		final int code;
		final String err;

		Ended(final int code, final String err) {
			this.code = code;
			this.err = err;
		}
	}

	private Ended probe(final int seconds, final String... args) throws IOException, InterruptedException {
		final String cp = String.join(File.pathSeparator, Paths.get("target/test-classes").toAbsolutePath().toString(),
			Paths.get("target/classes").toAbsolutePath().toString(), Paths.get("target/lib").toAbsolutePath() +
				File.separator + "*");
		final List<String> command = new ArrayList<>(Arrays.asList("java", "-Djava.awt.headless=true", "-Dmisf.cache=" +
			dir.resolve("cache"), "-Djava.util.prefs.userRoot=" + dir.resolve("prefs"), "-cp", cp, HeadlessBatchProbe.class
				.getName(), "-batch"));
		command.addAll(Arrays.asList(args));
		final Path err = dir.resolve("err.txt");
		final Process p = new ProcessBuilder(command).redirectError(err.toFile()).redirectOutput(dir.resolve("out.txt")
			.toFile()).start();
		if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
			p.destroyForcibly();
			throw new AssertionError("the headless run did not end within " + seconds + " s");
		}
		return new Ended(p.exitValue(), new String(Files.readAllBytes(err), StandardCharsets.UTF_8));
	}

	@Test
	@Tag("slow")
	void misfInpaintWithNoImageEndsTheRunWithExitCode2() throws Exception {
		final Ended run = probe(60, "no-image");
		assertEquals(2, run.code, run.err);
		assertTrue(run.err.contains("MISF Inpaint: " + InpaintImage.NO_IMAGE), run.err);
	}

	@Test
	@Tag("slow")
	void misfBatchFinishesTheGoodFilesBesideACorruptPngAndEndsWithExitCode1() throws Exception {
		final Path images = Files.createDirectories(dir.resolve("in")), masks = Files.createDirectories(dir.resolve(
			"masks")), out = dir.resolve("out");
		savePng(new ImagePlus("a", picture(4)), images.resolve("a.png"));
		Files.write(images.resolve("b.png"), Arrays.copyOf(Files.readAllBytes(images.resolve("a.png")), 2000));
		savePng(new ImagePlus("m", strokes()), masks.resolve("a_mask.png"));
		savePng(new ImagePlus("m", strokes()), masks.resolve("b_mask.png"));
		final Ended run = probe(300, "folder", images.toString(), masks.toString(), out.toString());
		assertEquals(1, run.code, run.err);
		assertTrue(run.err.contains("error: b.png: the file " + images.resolve("b.png") + " cannot be opened as an image."),
			run.err);
		assertTrue(run.err.contains("MISF Batch: 1 of 2 images failed"), run.err);
		assertOnlyHolesChanged(picture(4), readRgb(out.resolve("a.png")), strokes());
	}
}
