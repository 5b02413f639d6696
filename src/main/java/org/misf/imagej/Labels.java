package org.misf.imagej;

import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.misf.model.InpaintingException;

/** Maps between the enums of the dialogs and the words that dialogs show and macros pass. */
final class Labels {

	private Labels() {}

	static <E> String[] of(final E[] values, final Function<E, String> label) {
		return Arrays.stream(values).map(label).toArray(String[]::new);
	}

	static <E> E parse(final E[] values, final Function<E, String> label, final String s, final String what) {
		if (s != null) for (final E e : values)
			if (label.apply(e).equalsIgnoreCase(s.trim())) return e;
		throw new InpaintingException("Unknown " + what + " '" + s + "': use " +
			Arrays.stream(values).map(label).collect(Collectors.joining(", ")) + ".");
	}
}
