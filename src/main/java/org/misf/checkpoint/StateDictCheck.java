package org.misf.checkpoint;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Compares a checkpoint's state dict with an architecture key by key, the way
 * {@code load_state_dict(strict=True)} does, and says what is wrong by name.
 */
final class StateDictCheck {

	/** At most this many names per kind of problem in the message. */
	private static final int LISTED = 8;

	private StateDictCheck() {}

	/** Throws a {@link CheckpointException} naming every missing, unexpected, mis-shaped or non-float key. */
	static void requireMatch(final String fileName, final Map<String, StoredTensor> stateDict,
		final MisfArchitecture architecture)
	{
		final List<String> missing = new ArrayList<>();
		final List<String> mismatched = new ArrayList<>();
		final List<String> nonFloat = new ArrayList<>();
		final Map<String, long[]> expected = architecture.shapes();
		for (final Map.Entry<String, long[]> e : expected.entrySet()) {
			final StoredTensor t = stateDict.get(e.getKey());
			if (t == null) missing.add(e.getKey());
			else if (!t.hasShape(e.getValue()))
				mismatched.add(e.getKey() + " is " + StoredTensor.shapeText(t.shape()) + ", expected " +
					StoredTensor.shapeText(e.getValue()));
			else if (!t.type().isFloatingPoint()) nonFloat.add(e.getKey() + " (" + t.type().dtype() + ")");
		}
		final List<String> unexpected = new ArrayList<>();
		for (final String key : stateDict.keySet())
			if (!expected.containsKey(key)) unexpected.add(key);

		final List<String> problems = new ArrayList<>();
		describe(problems, "missing key", missing);
		describe(problems, "unexpected key", unexpected);
		describe(problems, "wrong shape", mismatched);
		describe(problems, "non-float tensor", nonFloat);
		if (!problems.isEmpty())
			throw new CheckpointException(fileName + " does not fit " + architecture + ": " +
				String.join("; ", problems) + ".");
	}

	private static void describe(final List<String> problems, final String kind, final List<String> names) {
		if (names.isEmpty()) return;
		final StringBuilder s = new StringBuilder().append(names.size()).append(' ').append(kind)
			.append(names.size() == 1 ? "" : "s").append(": ");
		s.append(String.join(", ", names.subList(0, Math.min(LISTED, names.size()))));
		if (names.size() > LISTED) s.append(" and ").append(names.size() - LISTED).append(" more");
		problems.add(s.toString());
	}
}
