package org.misf.files;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Work named with the mark of the process that made it ({@link ProcessMark}): temporary results, extraction and
 * import folders. Work of a process that is gone was stopped midway (killed, out of time) and is removed by the
 * next run. Best effort: stale parts only cost space.
 */
public final class StaleWork {

	private StaleWork() {}

	/**
	 * Removes the files and folders in {@code dir} matching {@code glob} whose name holds, as {@code mark}'s first
	 * group, the mark of a process that is gone; returns how many.
	 */
	public static int remove(final Path dir, final String glob, final Pattern mark) {
		int removed = 0;
		if (!Files.isDirectory(dir)) return 0;
		try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, glob)) {
			for (final Path p : entries) {
				final Matcher m = mark.matcher(p.getFileName().toString());
				if (m.find() && isGone(p, m.group(1))) {
					deleteTree(p);
					if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) removed++;
				}
			}
		}
		catch (final IOException | RuntimeException e) {
			// nothing to clean, or not allowed to: best effort
		}
		return removed;
	}

	/** Whether the process that marked {@code p} is gone; false when {@code p} went away meanwhile. */
	private static boolean isGone(final Path p, final String mark) {
		try {
			return ProcessMark.isGone(mark, Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS));
		}
		catch (final IOException e) {
			return false; // its process just finished with it
		}
	}

	/** Deletes a file, or a folder and everything in it, as far as it can. */
	public static void deleteTree(final Path root) {
		try (Stream<Path> all = Files.walk(root)) {
			all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		}
		catch (final IOException | RuntimeException e) {
			// best effort
		}
	}
}
