package org.misf.checkpoint;

/**
 * What the user tells about a checkpoint being imported; everything is optional. Immutable: each
 * {@code with...} returns a changed copy.
 */
public final class ImportOptions {

	/** Who made the weights, unless told otherwise. */
	public static final String MISF_AUTHORS = "the MISF authors (Li et al., CVPR 2022)";

	private final String dataset;
	private final String weightsBy;
	private final String id;
	private final String name;

	private ImportOptions(final String dataset, final String weightsBy, final String id, final String name) {
		this.dataset = blankToNull(dataset);
		this.weightsBy = blankToNull(weightsBy) == null ? MISF_AUTHORS : weightsBy.trim();
		this.id = blankToNull(id);
		this.name = blankToNull(name);
	}

	/** No dataset, weights by the MISF authors, id and name derived from the dataset or the file name. */
	public static ImportOptions defaults() {
		return new ImportOptions(null, null, null, null);
	}

	/** The data the weights were trained on (e.g. "Places2", "CelebA", "Dunhuang"); null if not known. */
	public ImportOptions withDataset(final String d) {
		return new ImportOptions(d, weightsBy, id, name);
	}

	public ImportOptions withWeightsBy(final String w) {
		return new ImportOptions(dataset, w, id, name);
	}

	/** The package id (e.g. "misf-places2"). */
	public ImportOptions withId(final String i) {
		return new ImportOptions(dataset, weightsBy, i, name);
	}

	/** The package's display name. */
	public ImportOptions withName(final String n) {
		return new ImportOptions(dataset, weightsBy, id, n);
	}

	public String dataset() {
		return dataset;
	}

	public String weightsBy() {
		return weightsBy;
	}

	/** The id to use for a checkpoint file with the given stem. */
	String idFor(final String fileStem) {
		if (id != null) return id;
		final String base = (dataset != null ? dataset : fileStem).toLowerCase().replaceAll("[^a-z0-9]+", "-")
			.replaceAll("^-+|-+$", "");
		return "misf-" + (base.isEmpty() ? "imported" : base);
	}

	/** The display name for a checkpoint of the given file name and width. */
	String nameFor(final String fileName, final int width) {
		if (name != null) return name;
		return "MISF width " + width + (dataset != null ? ", " + dataset : "") + " (imported from " + fileName + ")";
	}

	private static String blankToNull(final String s) {
		return s == null || s.trim().isEmpty() ? null : s.trim();
	}
}
