package org.misf.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A parsed command line: positional arguments, {@code --name value} options and {@code --flag}s.
 * Unknown names are a {@link UsageException}.
 */
final class Options {

	private final List<String> positional = new ArrayList<>();
	private final Map<String, String> values = new HashMap<>();

	/**
	 * @param withValue option names that take a value (without "--"), e.g. "model"
	 * @param flags     option names without value, e.g. "quiet"
	 */
	Options(final List<String> args, final Set<String> withValue, final Set<String> flags) {
		for (int i = 0; i < args.size(); i++) {
			final String a = args.get(i);
			if (a.startsWith("--") || a.equals("-o")) {
				String name = a.equals("-o") ? "out" : a.substring(2);
				String value = null;
				final int eq = name.indexOf('=');
				if (eq >= 0) {
					value = name.substring(eq + 1);
					name = name.substring(0, eq);
				}
				if (flags.contains(name) && value == null) values.put(name, "true");
				else if (withValue.contains(name)) {
					if (value == null) {
						if (i + 1 >= args.size()) throw new UsageException("The option --" + name + " needs a value.");
						value = args.get(++i);
					}
					values.put(name, value);
				}
				else throw new UsageException("Unknown option " + a + ".");
			}
			else positional.add(a);
		}
	}

	List<String> positional() { return positional; }

	boolean has(final String name) { return values.containsKey(name); }

	String get(final String name, final String fallback) {
		return values.getOrDefault(name, fallback);
	}

	int getInt(final String name, final int fallback) {
		final String v = values.get(name);
		if (v == null) return fallback;
		try {
			return Integer.parseInt(v.trim());
		}
		catch (final NumberFormatException e) {
			throw new UsageException("The option --" + name + " needs a whole number, not '" + v + "'.");
		}
	}

	double getDouble(final String name) {
		final String v = values.get(name);
		try {
			final double d = Double.parseDouble(v.trim());
			if (Double.isFinite(d)) return d;
		}
		catch (final NumberFormatException | NullPointerException e) {
			// below
		}
		throw new UsageException("The option --" + name + " needs a number, not '" + v + "'.");
	}

	/** Bad usage: one sentence, exit code 2. */
	static final class UsageException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		UsageException(final String message) {
			super(message);
		}
	}
}
