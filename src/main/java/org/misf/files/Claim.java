package org.misf.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A claim on a piece of work shared by processes that may run side by side, also on several machines over a
 * shared folder: a file created only if it does not exist (an atomic step of the file system), holding the
 * claimer's {@link ProcessMark}. Whoever creates it does the work; the others leave it. A claim whose process
 * is gone ({@link ProcessMark#isGone}) is taken over, one taker at a time: the taker first creates
 * {@code CLAIM.takeover-MARK} (named after the gone holder, so only one process can; it holds the taker's mark),
 * checks that the claim is still the gone one, removes it, and then competes for a fresh claim like everyone
 * else. While held, a claim is touched every minute, so that
 * processes on other machines see it is alive.
 */
public final class Claim implements AutoCloseable {

	private static final Set<Claim> HELD = ConcurrentHashMap.newKeySet();

	private static volatile ScheduledExecutorService heartbeat;

	private final Path file;

	private Claim(final Path file) {
		this.file = file;
	}

	/** Claims {@code file} for this process, or returns empty when a process that is not gone holds it. */
	public static Optional<Claim> take(final Path file) throws IOException {
		for (int attempt = 0; attempt < 3; attempt++) {
			try {
				create(file);
				final Claim c = new Claim(file);
				HELD.add(c);
				startHeartbeat();
				return Optional.of(c);
			}
			catch (final FileAlreadyExistsException e) {
				final Holder h = Holder.of(file);
				if (h != null && !h.isGone()) return Optional.empty();
				if (h != null && !takeOver(file, h)) return Optional.empty();
			}
		}
		return Optional.empty();
	}

	/** Who holds a claim now; null when the claim went away meanwhile. */
	private static final class Holder {

		final String mark;
		final FileTime modified;

		private Holder(final String mark, final FileTime modified) {
			this.mark = mark;
			this.modified = modified;
		}

		static Holder of(final Path file) throws IOException {
			try {
				final FileTime t = Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS);
				return new Holder(new String(Files.readAllBytes(file), StandardCharsets.UTF_8).trim(), t);
			}
			catch (final NoSuchFileException e) {
				return null;
			}
		}

		/** Gone: its process is gone, or it never got its mark written and nobody touched it for long. */
		boolean isGone() {
			return mark.isEmpty() ? ProcessMark.isSilent(modified) : ProcessMark.isGone(mark, modified);
		}

		boolean same(final Holder other) {
			return other != null && mark.equals(other.mark) && modified.equals(other.modified);
		}
	}

	/** Removes the claim of the gone {@code holder}, as its only taker; false when another process is taking it. */
	private static boolean takeOver(final Path file, final Holder holder) throws IOException {
		final Path lock = file.resolveSibling(file.getFileName() + ".takeover-" + holder.mark.replaceAll("\\W", "_"));
		try {
			create(lock);
		}
		catch (final FileAlreadyExistsException e) {
			final Holder taker = Holder.of(lock);
			if (taker != null && taker.isGone()) Files.deleteIfExists(lock); // its taker died while taking it over
			return false;
		}
		try {
			if (holder.same(Holder.of(file))) Files.deleteIfExists(file);
			return true;
		}
		finally {
			Files.deleteIfExists(lock);
		}
	}

	/**
	 * Removes the claims in {@code dir} (files matching {@code glob}) whose process is gone, each as its only taker
	 * would; returns how many.
	 */
	public static int removeStale(final Path dir, final String glob) {
		int removed = 0;
		try (java.nio.file.DirectoryStream<Path> claims = Files.newDirectoryStream(dir, glob)) {
			for (final Path c : claims) {
				final Holder h = Holder.of(c);
				if (h != null && h.isGone() && takeOver(c, h) && !Files.exists(c)) removed++;
			}
		}
		catch (final IOException | RuntimeException e) {
			// best effort: a stale claim is taken over when its image is next to do
		}
		try (java.nio.file.DirectoryStream<Path> locks = Files.newDirectoryStream(dir, glob + ".takeover-*")) {
			for (final Path l : locks) { // a taker killed after removing the claim: nobody takes that claim again
				final Holder h = Holder.of(l);
				if (h != null && h.isGone()) Files.deleteIfExists(l);
			}
		}
		catch (final IOException | RuntimeException e) {
			// best effort, as above
		}
		return removed;
	}

	/**
	 * Creates {@code file} holding this process's mark, in one step where the file system has hard links (the mark
	 * is written to {@code FILE.tmp-MARK.txt} first, which a kill may leave for {@link StaleWork} to remove), so
	 * that no claim is ever seen without its mark; fails if {@code file} exists.
	 */
	private static void create(final Path file) throws IOException {
		final byte[] mark = ProcessMark.mine().getBytes(StandardCharsets.UTF_8);
		final Path tmp = file.resolveSibling(file.getFileName() + ".tmp-" + ProcessMark.mine() + ".txt");
		Files.write(tmp, mark);
		try {
			Files.createLink(file, tmp);
		}
		catch (final FileAlreadyExistsException e) {
			throw e;
		}
		catch (final UnsupportedOperationException | IOException e) {
			if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) throw new FileAlreadyExistsException(file.toString());
			Files.write(file, mark, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE); // no hard links here
		}
		finally {
			Files.deleteIfExists(tmp);
		}
	}

	/** Whether a process that is not gone holds the claim {@code file}. */
	public static boolean isHeld(final Path file) {
		try {
			final Holder h = Holder.of(file);
			return h != null && !h.isGone();
		}
		catch (final IOException e) {
			return false;
		}
	}

	/** The claim file. */
	public Path file() {
		return file;
	}

	/** Gives the claim up (removes its file if it is still this process's). */
	@Override
	public void close() {
		HELD.remove(this);
		try {
			final Holder h = Holder.of(file);
			if (h != null && h.mark.equals(ProcessMark.mine())) Files.deleteIfExists(file);
		}
		catch (final IOException e) {
			// a claim left behind is taken over once this process is gone
		}
	}

	private static synchronized void startHeartbeat() {
		if (heartbeat != null) return;
		heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
			final Thread t = new Thread(r, "misf-claims");
			t.setDaemon(true);
			return t;
		});
		heartbeat.scheduleWithFixedDelay(() -> {
			for (final Claim c : HELD)
				try {
					Files.setLastModifiedTime(c.file, FileTime.fromMillis(System.currentTimeMillis()));
				}
				catch (final IOException | RuntimeException e) {
					// taken over or removed: its holder finds out when it closes it
				}
		}, 1, 1, TimeUnit.MINUTES);
	}
}
