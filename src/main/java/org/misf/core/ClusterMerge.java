package org.misf.core;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import net.imglib2.FinalInterval;
import net.imglib2.Interval;
import net.imglib2.util.Intervals;

/**
 * Unites holes whose windows overlap: the box around their cores grows and the margin is recomputed, as long as the merged window
 * stays within the largest full-resolution size (or is no larger than the larger of the two). Candidates are
 * found through a grid of buckets of the largest window size, so the work grows with the number of holes times
 * the number of holes near each, not with its square.
 */
final class ClusterMerge {

	/** Holes (their cores, and the box around all of them) and the window around them. */
	static final class Cluster {

		final List<FinalInterval> members;
		final FinalInterval core;
		final long margin;
		final FinalInterval window;

		Cluster(final List<FinalInterval> members, final FinalInterval core, final long margin,
			final FinalInterval image)
		{
			this.members = members;
			this.core = core;
			this.margin = margin;
			this.window = Intervals.intersect(Intervals.expand(core, margin), image);
		}
	}

	private final PlanSettings s;
	private final FinalInterval image;
	private final long bucket;
	private final List<Cluster> clusters = new ArrayList<>();
	private final List<Boolean> alive = new ArrayList<>();
	private final Map<Long, List<Integer>> buckets = new HashMap<>();

	private ClusterMerge(final PlanSettings s, final FinalInterval image) {
		this.s = s;
		this.image = image;
		this.bucket = Math.max(64, s.maxSize());
	}

	/** One cluster per core, with the margin the settings give for its size. */
	static Cluster of(final FinalInterval core, final PlanSettings s, final FinalInterval image) {
		final List<FinalInterval> members = new ArrayList<>(1);
		members.add(core);
		return new Cluster(members, core, s.marginFor(core.dimension(0), core.dimension(1)), image);
	}

	/** The clusters after every allowed merge, in the order they were made. */
	static List<Cluster> merge(final List<Cluster> in, final PlanSettings s, final FinalInterval image) {
		final ClusterMerge m = new ClusterMerge(s, image);
		final Deque<Integer> work = new ArrayDeque<>();
		for (final Cluster c : in)
			work.add(m.add(c));
		while (!work.isEmpty()) {
			final int i = work.poll();
			if (!m.alive.get(i)) continue;
			final Integer merged = m.mergeWithNeighbour(i);
			if (merged != null) work.add(merged);
		}
		final List<Cluster> out = new ArrayList<>();
		for (int i = 0; i < m.clusters.size(); i++)
			if (m.alive.get(i)) out.add(m.clusters.get(i));
		return out;
	}

	private int add(final Cluster c) {
		final int index = clusters.size();
		clusters.add(c);
		alive.add(true);
		forBuckets(c.window, key -> buckets.computeIfAbsent(key, k -> new ArrayList<>()).add(index));
		return index;
	}

	/** Merges cluster i with the first neighbour it may merge with; returns the new cluster's index or null. */
	private Integer mergeWithNeighbour(final int i) {
		final Cluster a = clusters.get(i);
		final List<Integer> near = new ArrayList<>();
		forBuckets(a.window, key -> {
			final List<Integer> list = buckets.get(key);
			for (int p = list.size() - 1; p >= 0; p--) {
				final int j = list.get(p);
				if (!alive.get(j)) { // drop the dead lazily
					list.set(p, list.get(list.size() - 1));
					list.remove(list.size() - 1);
				}
				else if (j != i) near.add(j);
			}
		});
		near.sort(null);
		for (int q = 0; q < near.size(); q++) {
			final int j = near.get(q);
			if (q > 0 && near.get(q - 1) == j) continue; // in several buckets
			final Cluster b = clusters.get(j);
			if (Intervals.isEmpty(Intervals.intersect(a.window, b.window))) continue;
			final FinalInterval core = Intervals.union(a.core, b.core);
			final long margin = Math.max(Math.max(a.margin, b.margin), s.marginFor(core.dimension(0), core.dimension(1)));
			final FinalInterval window = Intervals.intersect(Intervals.expand(core, margin), image);
			final long longer = longerSide(window);
			if (longer > s.maxSize() && longer > Math.max(longerSide(a.window), longerSide(b.window))) continue;
			final List<FinalInterval> members = new ArrayList<>(a.members.size() + b.members.size());
			members.addAll(a.members);
			members.addAll(b.members);
			final Cluster merged = new Cluster(members, core, margin, image);
			alive.set(i, false);
			alive.set(j, false);
			return add(merged);
		}
		return null;
	}

	private void forBuckets(final Interval iv, final java.util.function.LongConsumer action) {
		for (long by = Math.floorDiv(iv.min(1), bucket); by <= Math.floorDiv(iv.max(1), bucket); by++)
			for (long bx = Math.floorDiv(iv.min(0), bucket); bx <= Math.floorDiv(iv.max(0), bucket); bx++)
				action.accept(by * 1_000_003L + bx);
	}

	static long longerSide(final Interval i) {
		return Math.max(i.dimension(0), i.dimension(1));
	}
}
