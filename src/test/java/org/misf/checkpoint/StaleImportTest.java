package org.misf.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A killed import leaves its work folder; the next import beside it removes it, and only it. */
class StaleImportTest {

	@TempDir
	Path dir;

	@Test
	void workFoldersOfStoppedImportsAreRemoved() throws Exception {
		final Process gone = new ProcessBuilder("true").start();
		gone.waitFor();
		final Path stale = Files.createDirectories(dir.resolve(".pkg.importing-" + gone.pid() + "-1"));
		Files.write(stale.resolve("model.pt"), new byte[4096]);
		final Path running = Files.createDirectories(dir.resolve(".other.importing-" + ProcessHandle.current().pid() +
			"-2"));
		final Path unrelated = Files.createDirectories(dir.resolve("pkg"));
		assertEquals(1, CheckpointImporter.removeStaleImports(dir));
		assertFalse(Files.exists(stale));
		assertTrue(Files.exists(running) && Files.exists(unrelated));
	}
}
