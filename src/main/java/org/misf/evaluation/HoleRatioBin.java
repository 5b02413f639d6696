package org.misf.evaluation;

import org.misf.metrics.HoleMask;

/** The paper's mask-ratio bins: hole fraction of the image in (0, 20%], (20, 40%], (40, 60%]; the rest is OTHER. */
public enum HoleRatioBin {

	UP_TO_20("0-20%"), UP_TO_40("20-40%"), UP_TO_60("40-60%"), OTHER("other (0% or >60%)");

	private final String label;

	HoleRatioBin(final String label) {
		this.label = label;
	}

	public String label() { return label; }

	/** The bin of {@code holes} hole pixels out of {@code total} (exact integer comparison at the edges). */
	public static HoleRatioBin of(final long holes, final long total) {
		if (holes <= 0 || holes * 5 > total * 3) return OTHER;
		if (holes * 5 <= total) return UP_TO_20;
		if (holes * 5 <= total * 2) return UP_TO_40;
		return UP_TO_60;
	}

	public static HoleRatioBin of(final HoleMask mask) {
		return of(mask.holeCount(), (long) mask.width() * mask.height());
	}
}
