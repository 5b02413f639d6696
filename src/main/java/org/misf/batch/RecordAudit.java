package org.misf.batch;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.misf.files.Claim;
import org.misf.model.InpaintingException;

/**
 * The check a conservator's archive needs ({@code verify OUT}, both front-ends): every result of an output folder
 * hashed again and compared with its record; lists the results that are missing, changed or unrecorded (and
 * records that cannot be read, and what stands at a result's name but is not a file). A record whose result a
 * running batch is writing right now counts as in progress, not as missing.
 */
public final class RecordAudit {

	private static final Pattern RESULT = Pattern.compile("(?i).+\\.(png|tif|tiff)");
	private static final Pattern CHANGE_IMAGE = Pattern.compile("(?i)(.+)\\.(holes|changed)\\.png");

	/** A result's name and what is wrong with it. */
	public static final class Finding {

		public final String name;
		public final ResultStatus status;

		Finding(final String name, final ResultStatus status) {
			this.name = name;
			this.status = status;
		}

		/** One line for the user. */
		public String line() {
			return status.name().toLowerCase(Locale.ROOT).replace('_', ' ') + ": " + name + " " + status.problem;
		}
	}

	public final int matching, rebuilt, inProgress;
	public final List<Finding> problems;

	private RecordAudit(final int matching, final int rebuilt, final int inProgress, final List<Finding> problems) {
		this.matching = matching;
		this.rebuilt = rebuilt;
		this.inProgress = inProgress;
		this.problems = Collections.unmodifiableList(problems);
	}

	/** Checks every result and record in {@code folder}. */
	public static RecordAudit of(final Path folder) {
		if (!Files.isDirectory(folder)) throw new InpaintingException("The folder " + folder + " does not exist.");
		int matching = 0, rebuilt = 0, inProgress = 0;
		final List<Finding> problems = new ArrayList<>();
		for (final String name : resultNames(folder)) {
			final Path output = folder.resolve(name);
			final ResultStatus s = ResultStatus.of(output);
			if (s == ResultStatus.TRUE) {
				matching++;
				if (isRebuilt(output)) rebuilt++;
			}
			else if (s == ResultStatus.MISSING && Claim.isHeld(FolderBatchRun.claimFile(output))) inProgress++;
			else problems.add(new Finding(name, s));
		}
		return new RecordAudit(matching, rebuilt, inProgress, problems);
	}

	/** The summary line. */
	public String summary() {
		final int[] n = new int[ResultStatus.values().length];
		for (final Finding f : problems)
			n[f.status.ordinal()]++;
		final StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%d result%s match%s %s record%s",
			matching, matching == 1 ? "" : "s", matching == 1 ? "es" : "", matching == 1 ? "its" : "their", matching == 1
				? "" : "s"));
		if (rebuilt > 0) b.append(" (").append(rebuilt).append(" of them rebuilt: only the file's sha256 is known)");
		b.append(String.format(Locale.ROOT, "; %d missing, %d changed, %d unrecorded", n[ResultStatus.MISSING
			.ordinal()], n[ResultStatus.CHANGED.ordinal()], n[ResultStatus.UNRECORDED.ordinal()]));
		final int other = n[ResultStatus.UNREADABLE.ordinal()] + n[ResultStatus.NOT_A_FILE.ordinal()];
		if (other > 0) b.append(", ").append(other).append(" that cannot be checked");
		if (inProgress > 0) b.append(", ").append(inProgress).append(" being written by a running batch");
		return b.append('.').toString();
	}

	private static boolean isRebuilt(final Path output) {
		try {
			return Provenance.read(Provenance.sidecar(output)).rebuilt;
		}
		catch (final IOException e) {
			return false;
		}
	}

	/** The names of results in {@code folder}, from the results and from the records there (change images left out). */
	private static Set<String> resultNames(final Path folder) {
		final Set<String> names = new TreeSet<>();
		try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
			for (final Path p : entries) {
				final String n = p.getFileName().toString();
				if (n.startsWith(".")) continue;
				final String result = n.toLowerCase(Locale.ROOT).endsWith(".json") ? n.substring(0, n.length() - 5) : n;
				if (RESULT.matcher(result).matches()) names.add(result);
			}
		}
		catch (final IOException e) {
			throw new InpaintingException("The folder " + folder + " cannot be read (" + e.getMessage() + ").");
		}
		final Set<String> all = new TreeSet<>(names);
		names.removeIf(n -> isChangeImage(folder, n, all));
		return names;
	}

	/** NAME.holes.png or NAME.changed.png beside a result NAME.EXT ({@link ChangeImages}), without a record of its own. */
	private static boolean isChangeImage(final Path folder, final String name, final Set<String> names) {
		final Matcher m = CHANGE_IMAGE.matcher(name);
		if (!m.matches() || Files.exists(Provenance.sidecar(folder.resolve(name)))) return false;
		for (final String ext : new String[] { ".png", ".tif", ".tiff" })
			if (names.contains(m.group(1) + ext)) return true;
		return false;
	}
}
