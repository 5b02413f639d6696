package org.misf.model;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Work folders named with the id of the process that made them (extractions, imports): those of processes that
 * no longer run were stopped midway (killed, out of time) and are removed by the next run. Best effort: stale
 * parts only cost space.
 */
public final class StaleWork {

	private StaleWork() {}

	/**
	 * Removes the folders in {@code dir} matching {@code glob} whose name holds, as {@code pid}'s first group, the
	 * id of a process that no longer runs; returns how many.
	 */
	public static int remove(final Path dir, final String glob, final Pattern pid) {
		int removed = 0;
		try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, glob)) {
			for (final Path p : entries) {
				final Matcher m = pid.matcher(p.getFileName().toString());
				if (!m.find() || !Files.isDirectory(p)) continue;
				final long id = Long.parseLong(m.group(1));
				if (id == ProcessHandle.current().pid() || ProcessHandle.of(id).map(ProcessHandle::isAlive).orElse(false))
					continue;
				deleteTree(p);
				removed++;
			}
		}
		catch (final IOException | NumberFormatException e) {
			// best effort
		}
		return removed;
	}

	/** Deletes a folder and everything in it, as far as it can. */
	public static void deleteTree(final Path root) {
		try (Stream<Path> all = Files.walk(root)) {
			all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		}
		catch (final IOException e) {
			// best effort
		}
	}
}
