package org.misf.metrics;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Objects;

import org.misf.model.Device;
import org.misf.model.ModelPackage;

/**
 * What a user's LPIPS word asks for, the same in both front-ends (the CLI's {@code --lpips}, Fiji's
 * {@code lpips} field): {@value #NONE_WORD} (any case) or nothing skips LPIPS; the default word (see
 * {@link ModelPackage#isDefaultWord}) is the shipped {@link LpipsPackage#DEFAULT_ID}; anything else is an LPIPS
 * package folder or zip. Choices are equal when they ask for the same package, so a front-end may keep a loaded
 * network for the next run with an equal choice.
 */
public final class LpipsChoice {

	/** The word that skips LPIPS. */
	public static final String NONE_WORD = "none";

	/** The word for the shipped LPIPS package. */
	public static final String DEFAULT_WORD = ModelPackage.DEFAULT_WORD;

	public static final LpipsChoice NONE = new LpipsChoice(true, null), DEFAULT = new LpipsChoice(false, null);

	private final boolean none;
	private final Path folder;

	private LpipsChoice(final boolean none, final Path folder) {
		this.none = none;
		this.folder = folder;
	}

	/** The choice {@code word} makes (null or blank: none). */
	public static LpipsChoice of(final String word) {
		if (word == null || word.trim().isEmpty() || NONE_WORD.equalsIgnoreCase(word.trim())) return NONE;
		if (ModelPackage.isDefaultWord(word)) return DEFAULT;
		return new LpipsChoice(false, Paths.get(word.trim()));
	}

	/** Whether LPIPS is skipped. */
	public boolean isNone() { return none; }

	/** The chosen package, opened and checked; throws for {@link #NONE}. */
	public LpipsPackage openPackage() {
		if (none) throw new IllegalStateException("LPIPS was not asked for");
		return folder == null ? LpipsPackage.defaultPackage() : LpipsPackage.open(folder);
	}

	/** The chosen network loaded on {@code device}, or null when LPIPS is skipped. */
	public LpipsModel open(final Device device) {
		return none ? null : LpipsModel.open(openPackage(), device);
	}

	@Override
	public boolean equals(final Object o) {
		return o instanceof LpipsChoice && ((LpipsChoice) o).none == none && Objects.equals(((LpipsChoice) o).folder,
			folder);
	}

	@Override
	public int hashCode() {
		return Objects.hash(none, folder);
	}

	/** The word that makes this choice again: "none", "default" or the folder. */
	@Override
	public String toString() {
		return none ? NONE_WORD : folder == null ? DEFAULT_WORD : folder.toString();
	}
}
