package org.misf.imagej;

import java.awt.Frame;
import java.awt.GraphicsEnvironment;
import java.time.Instant;

import ij.ImagePlus;
import ij.WindowManager;
import ij.measure.ResultsTable;
import ij.text.TextWindow;

import org.misf.core.ProductVersion;
import org.misf.model.Device;
import org.misf.model.EngineThreads;
import org.misf.model.Inpainter;
import org.misf.model.ModelPackage;

/**
 * The record of an inpainting in the image's Info (Image › Show Info, saved with TIFFs), with what the command
 * line's {@code NAME.json} holds: date, software version, model id, version and weights sha256, device, threads,
 * every setting, the input (its file and sha256, the sha256 of its pixels), the holes (where they came from, their
 * sha256), hole pixels, planes and windows. One line per run is appended, so a restored image carries its history;
 * the same facts are a row of the session's "MISF Inpaint log" table, which <em>MISF Inpaint Log</em> shows (it is
 * kept up to date while shown, and never pops up by itself over the image).
 */
final class InfoRecord {

	static final String PREFIX = "MISF Inpaint:";

	/** Title of the table that lists every run of the session (one row per run). */
	static final String TABLE = "MISF Inpaint log";

	/** The session's log. */
	private static final ResultsTable log = new ResultsTable();

	private InfoRecord() {}

	static void append(final ImagePlus imp, final InpaintSettings s, final Inpainter inpainter,
		final InpaintImage.Outcome outcome, final RunRecord record)
	{
		if (outcome.holePixels() == 0) return;
		final ModelPackage pkg = inpainter.modelPackage();
		final String model = pkg == null ? "unknown" : pkg.id() + " " + pkg.version() + " sha256 " + pkg.sha256();
		final String device = Device.word(inpainter.device());
		final String line = PREFIX + " " + Instant.now() + "; " + ProductVersion.NAME + " " + ProductVersion.version() +
			"; model " + model + "; device " + device + ", threads " + EngineThreads.description() + "; " + s
				.toMacroOptions() + "; " + record.describe() + "; " + outcome.holePixels() + " hole pixels in " + outcome
					.parts() + " plane" + (outcome.parts() == 1 ? "" : "s") + ", " + outcome.windows() + " window" + (outcome
						.windows() == 1 ? "" : "s");
		final Object old = imp.getProperty("Info");
		imp.setProperty("Info", old == null || old.toString().isEmpty() ? line : old.toString().replaceFirst("\\s*$", "") +
			"\n" + line);
		synchronized (log) {
			log.incrementCounter();
			log.addValue("Date", Instant.now().toString());
			log.addValue("Image", imp.getTitle());
			log.addValue("Model", pkg == null ? "unknown" : pkg.id() + " " + pkg.version());
			log.addValue("Weights sha256", pkg == null ? "" : pkg.sha256());
			log.addValue("Device", device);
			log.addValue("Hole pixels", outcome.holePixels());
			log.addValue("Planes", outcome.parts());
			log.addValue("Windows", outcome.windows());
			log.addValue("Settings", s.toMacroOptions());
			log.addValue("Record", record.describe());
			final TextWindow shown = shownTable();
			if (shown != null) shown.getTextPanel().appendLine(log.getRowAsString(log.size() - 1));
		}
	}

	/** The table's window when it is open, else null. */
	private static TextWindow shownTable() {
		if (GraphicsEnvironment.isHeadless()) return null;
		final Frame f = WindowManager.getFrame(TABLE);
		return f instanceof TextWindow ? (TextWindow) f : null;
	}

	/** Shows the session's table (brings it to the front when it is open); without a display it stays in memory. */
	static void show() {
		synchronized (log) {
			log.show(TABLE);
		}
	}

	/** The session's log table (for tests and macros that run without a display). */
	static ResultsTable table() {
		return log;
	}
}
