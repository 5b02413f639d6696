package org.misf.imagej;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ij.IJ;

/**
 * Shows what the command line writes inside ImageJ: a progress bar redrawn with carriage returns
 * ({@code [####....] 3/10 name}) drives ImageJ's progress bar and status line, every finished line goes
 * to the Log window (the console when headless) and is kept for the caller.
 */
final class StatusStream extends OutputStream {

	private static final Pattern BAR = Pattern.compile("^\\[[#.]*\\] (\\d+)/(\\d+) ?(.*)$");

	private final String title;
	private final StringBuilder line = new StringBuilder();
	private final List<String> lines = new ArrayList<>();

	StatusStream(final String title) {
		this.title = title;
	}

	PrintStream printStream() {
		return new PrintStream(this, true);
	}

	@Override
	public synchronized void write(final int b) {
		if (b == '\r' || b == '\n') {
			final String text = new String(line.toString().getBytes(StandardCharsets.ISO_8859_1),
				StandardCharsets.UTF_8).trim();
			line.setLength(0);
			if (text.isEmpty()) return;
			final Matcher m = BAR.matcher(text);
			if (m.matches()) {
				final double total = Double.parseDouble(m.group(2));
				IJ.showProgress(total > 0 ? Double.parseDouble(m.group(1)) / total : 0);
				IJ.showStatus(title + ": " + m.group(1) + "/" + m.group(2) + " " + m.group(3));
			}
			else if (b == '\n') {
				lines.add(text);
				IJ.log(text);
			}
		}
		else line.append((char) (b & 0xff));
	}

	/** The finished lines so far (progress bar redraws excluded). */
	synchronized List<String> lines() {
		return new ArrayList<>(lines);
	}
}
