package org.misf.batch;

import org.misf.model.InpaintingException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InpaintJobsTest {

	@TempDir
	Path dir;

	private static List<Path> paths(final String... names) {
		return Arrays.stream(names).map(n -> Paths.get("in", n)).collect(Collectors.toList());
	}

	@Test
	void inputsThatWouldShareAnOutputGetOneEach() {
		assertEquals(Arrays.asList("a.png", "a_jpg.png", "b.png", "c.tif", "c.tiff"), InpaintJobs.uniqueOutputNames(paths(
			"a.png", "a.jpg", "b.gif", "c.tif", "c.tiff")));
		assertEquals(Arrays.asList("a_bmp.png", "a_jpg.png"), InpaintJobs.uniqueOutputNames(paths("a.bmp", "a.jpg")));
		assertThrows(InpaintingException.class, () -> InpaintJobs.uniqueOutputNames(paths("a.jpg", "a.bmp",
			"a_jpg.png")));
	}

	@Test
	void shardsAgreeOnTheNames() throws IOException {
		final Path images = Files.createDirectory(dir.resolve("images")), masks = Files.createDirectory(dir.resolve(
			"masks"));
		for (final String n : new String[] { "a.png", "a.jpg", "b.tif" }) {
			Files.write(images.resolve(n), new byte[] { 1 });
			Files.write(masks.resolve(n.replace('.', '_') + ".png"), new byte[] { 1 });
		}
		final String out = dir.resolve("out").toString();
		final List<String> all = InpaintJobs.list(images, masks, out, null).stream().map(j -> j.output.getFileName()
			.toString()).collect(Collectors.toList());
		final List<String> shard1 = InpaintJobs.list(images, masks, out, "1/2").stream().map(j -> j.output.getFileName()
			.toString()).collect(Collectors.toList());
		assertEquals(Arrays.asList("a_jpg.png", "a.png", "b.tif"), all);
		assertEquals(Arrays.asList("a.png"), shard1);
	}

	/** A name whose bytes are not UTF-8 (Latin-1 "caf\u00e9.png", made by the shell) on a UTF-8 system: one sentence. */
	@Test
	void aNameThatIsNotTextInTheSystemsEncodingIsAProblemOfItsJob() throws Exception {
		assumeTrue("UTF-8".equals(System.getProperty("sun.jnu.encoding")), "file names are read as UTF-8 here");
		final Path images = Files.createDirectory(dir.resolve("images")), masks = Files.createDirectory(dir.resolve(
			"masks"));
		Files.write(images.resolve("ok.png"), new byte[] { 1 });
		assertEquals(0, new ProcessBuilder("sh", "-c", "touch \"$1/caf$(printf '\\351').png\"", "sh", images.toString())
			.start().waitFor());
		final List<InpaintJobs.Job> jobs = InpaintJobs.list(images, masks, dir.resolve("out").toString(), null);
		assertEquals(2, jobs.size());
		final InpaintJobs.Job bad = jobs.get(0).problem != null ? jobs.get(0) : jobs.get(1);
		assertEquals("its name is not valid in this system's character encoding (UTF-8); rename the file.", bad.problem);
		assertEquals(null, bad.output);
	}

	@Test
	void anOutputFileMustBeInAFormatResultsAreWrittenIn() throws IOException {
		final Path img = Files.write(dir.resolve("a.png"), new byte[] { 1 }), mask = Files.write(dir.resolve("m.png"),
			new byte[] { 1 });
		final InpaintingException e = assertThrows(InpaintingException.class, () -> InpaintJobs.list(img, mask, dir
			.resolve("x.jpg").toString(), null));
		assertTrue(e.getMessage().contains(".tif, .tiff or .png"), e.getMessage());
	}
}
