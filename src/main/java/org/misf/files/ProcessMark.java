package org.misf.files;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place that decides whether the process that left a file (a temporary result, an extraction or import
 * folder, a claim) is gone. Such files carry the mark of their process, {@code PID@HOST+START} (its id, this
 * machine's name and the process's start time, so that a reused id or a container restarted with the same id
 * is not taken for the old process); a bare {@code PID} (older names) means this machine, start unknown.
 * <ul>
 * <li>this machine: gone when no process with that id runs, or the one that does started at another time;</li>
 * <li>another machine (a shared folder of a cluster): gone when the file has not changed for
 * {@link #SILENCE_LIMIT}; a claim is touched every minute while its process works ({@link Claim}).</li>
 * </ul>
 */
public final class ProcessMark {

	/** A mark, to put in a group of a file name's pattern: the id, the host (optional), the start (optional). */
	public static final String REGEX = "\\d+(?:@\\w+)?(?:\\+[0-9a-z]+)?";

	/** How long a file of a process on another machine may stay unchanged before that process counts as gone. */
	public static final Duration SILENCE_LIMIT = Duration.ofMinutes(10);

	private static final Pattern MARK = Pattern.compile("(\\d+)(?:@(\\w+))?(?:\\+([0-9a-z]+))?");

	private static final String HOST = host();

	private static final String MINE = ProcessHandle.current().pid() + "@" + HOST + start(ProcessHandle.current()).map(
		s -> "+" + s).orElse("");

	private ProcessMark() {}

	/** This process's mark. */
	public static String mine() {
		return MINE;
	}

	/**
	 * Whether the process named by {@code mark} is gone; {@code modified}: when the marked file last changed
	 * (decides for other machines). A text that is not a mark is never judged gone.
	 */
	public static boolean isGone(final String mark, final FileTime modified) {
		final Matcher m = MARK.matcher(mark);
		if (!m.matches()) return false;
		if (m.group(2) != null && !m.group(2).equals(HOST)) return isSilent(modified);
		final Optional<ProcessHandle> p = ProcessHandle.of(Long.parseLong(m.group(1))).filter(ProcessHandle::isAlive);
		if (p.isEmpty()) return true;
		return m.group(3) != null && start(p.get()).map(s -> !s.equals(m.group(3))).orElse(false);
	}

	/**
	 * Whether a file unchanged since {@code modified} counts as left by a gone process when nothing else tells
	 * (another machine's process, a file whose mark was never written).
	 */
	public static boolean isSilent(final FileTime modified) {
		return modified != null && Duration.between(modified.toInstant(), Instant.now()).compareTo(SILENCE_LIMIT) > 0;
	}

	/** A process's start time in whole seconds, base 36 (stable between calls; absent where the system hides it). */
	private static Optional<String> start(final ProcessHandle p) {
		return p.info().startInstant().map(i -> Long.toString(i.getEpochSecond(), 36));
	}

	/** This machine's name, letters, digits and '_' only (a file name part that parses back unchanged). */
	private static String host() {
		String name = null;
		try {
			name = new String(Files.readAllBytes(Paths.get("/proc/sys/kernel/hostname")), StandardCharsets.UTF_8);
		}
		catch (final IOException | RuntimeException e) {
			name = System.getenv("COMPUTERNAME");
			if (name == null) try {
				name = InetAddress.getLocalHost().getHostName();
			}
			catch (final IOException | RuntimeException e2) {
				name = "localhost";
			}
		}
		final String clean = name.trim().toLowerCase(Locale.ROOT).replaceAll("\\W", "_");
		return clean.isEmpty() ? "localhost" : clean;
	}
}
