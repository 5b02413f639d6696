package org.misf.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import net.imglib2.FinalInterval;
import net.imglib2.util.Intervals;

/**
 * Which window writes a hole pixel that lies in the cores of several: the first in writing order (and within a
 * window, its first core). Cores are kept in a grid of buckets, so finding the earlier cores that meet a core
 * costs the number of cores near it, not the number of windows.
 */
final class Ownership {

	private static final long BUCKET = 256;

	private final List<List<List<FinalInterval>>> earlier = new ArrayList<>();

	/** @param windows the windows that write, in writing order */
	Ownership(final List<Window> windows) {
		final Map<Long, List<FinalInterval>> buckets = new HashMap<>();
		for (final Window w : windows) {
			final List<List<FinalInterval>> perCore = new ArrayList<>(w.cores().size());
			for (final FinalInterval core : w.cores()) {
				final List<FinalInterval> before = new ArrayList<>();
				for (final long key : keys(core))
					for (final FinalInterval other : buckets.getOrDefault(key, Collections.emptyList()))
						if (!Intervals.isEmpty(Intervals.intersect(other, core)) && !before.contains(other)) before.add(other);
				perCore.add(before.isEmpty() ? Collections.emptyList() : before);
				for (final long key : keys(core))
					buckets.computeIfAbsent(key, k -> new ArrayList<>()).add(core);
			}
			earlier.add(perCore);
		}
	}

	/** The cores written before core {@code c} of window {@code w} (writing order) that meet it. */
	List<FinalInterval> earlier(final int w, final int c) {
		return earlier.get(w).get(c);
	}

	/** Whether an earlier core holds (x, y). */
	static boolean inAny(final List<FinalInterval> cores, final long x, final long y) {
		for (final FinalInterval c : cores)
			if (x >= c.min(0) && x <= c.max(0) && y >= c.min(1) && y <= c.max(1)) return true;
		return false;
	}

	private static List<Long> keys(final FinalInterval iv) {
		final List<Long> keys = new ArrayList<>();
		for (long by = Math.floorDiv(iv.min(1), BUCKET); by <= Math.floorDiv(iv.max(1), BUCKET); by++)
			for (long bx = Math.floorDiv(iv.min(0), BUCKET); bx <= Math.floorDiv(iv.max(0), BUCKET); bx++)
				keys.add(by * 1_000_003L + bx);
		return keys;
	}
}
