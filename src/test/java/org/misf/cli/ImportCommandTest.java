package org.misf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.ServiceLoader;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportCommandTest {

	@TempDir
	Path tmp;

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();
	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	private int run(final String... args) {
		return new ImportCommand().run(Arrays.asList(args), new PrintStream(out, true), new PrintStream(err, true));
	}

	private static String fixture(final String name) throws URISyntaxException {
		return Paths.get(ImportCommandTest.class.getResource("/org/misf/checkpoint/" + name).toURI()).toString();
	}

	@Test
	void isRegisteredAsService() {
		assertTrue(StreamSupport.stream(ServiceLoader.load(Subcommand.class).spliterator(), false)
			.anyMatch(c -> c.name().equals("import")));
	}

	@Test
	void importsACheckpointWithItsDataset() throws Exception {
		final Path pkg = tmp.resolve("pkg");
		assertEquals(0, run("--dataset", "Places2", fixture("fixtures/misf-w8-seed1234.pth"), pkg.toString()),
			err.toString());
		assertTrue(out.toString().startsWith("Imported misf-w8-seed1234.pth into "), out.toString());
		final String yaml = new String(Files.readAllBytes(pkg.resolve("model.yaml")), StandardCharsets.UTF_8);
		assertTrue(yaml.contains("id: misf-places2"), yaml);
		assertTrue(yaml.contains("dataset: Places2"), yaml);
	}

	@Test
	void refusesWithOneSentenceAndExitCode2() throws Exception {
		assertEquals(2, run(fixture("broken/os_system.pth"), tmp.resolve("pkg").toString()));
		assertTrue(err.toString().contains("refers to os.system"), err.toString());
		assertFalse(Files.exists(tmp.resolve("pkg")));
	}

	@Test
	void badUsageExitsWith2() {
		assertEquals(2, run("only-one-argument.pth"));
		assertTrue(err.toString().contains("usage: import"), err.toString());
		assertEquals(2, run("--colour", "red", "a.pth", "b"));
		assertTrue(err.toString().contains("Unknown option --colour."), err.toString());
		assertEquals(0, run("--help"));
	}
}
