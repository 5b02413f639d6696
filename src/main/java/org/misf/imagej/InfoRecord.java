package org.misf.imagej;

import java.time.Instant;

import java.awt.GraphicsEnvironment;

import ij.IJ;
import ij.ImagePlus;
import ij.measure.ResultsTable;

import org.misf.core.ProductVersion;
import org.misf.model.Inpainter;
import org.misf.model.ModelPackage;

/**
 * The record of an inpainting in the image's Info (Image › Show Info, saved with TIFFs): date, software version,
 * model id, version and weights sha256, device and every setting, hole pixels and planes. One line per run is
 * appended, so a restored image carries its history; the same facts are a row of the "MISF Inpaint log" table.
 */
final class InfoRecord {

	static final String PREFIX = "MISF Inpaint:";

	private InfoRecord() {}

	static void append(final ImagePlus imp, final InpaintSettings s, final Inpainter inpainter,
		final InpaintImage.Outcome outcome)
	{
		if (outcome.holePixels() == 0) return;
		final ModelPackage pkg = inpainter.modelPackage();
		final String line = PREFIX + " " + Instant.now() + "; " + ProductVersion.NAME + " " + ProductVersion.version() +
			"; model " + (pkg ==
				null ? "unknown" : pkg.id() + " " + pkg.version() + " sha256 " + pkg.sha256()) + "; device " + inpainter
					.device() + "; " + s.toMacroOptions() + "; " + outcome.holePixels() + " hole pixels in " + outcome.parts() +
			" plane" + (outcome.parts() == 1 ? "" : "s");
		final Object old = imp.getProperty("Info");
		imp.setProperty("Info", old == null || old.toString().isEmpty() ? line : old.toString().replaceFirst("\\s*$", "") +
			"\n" + line);
		logRow(imp, s, inpainter, pkg, outcome);
	}

	/** Title of the table that lists every run of the session (one row per run). */
	static final String TABLE = "MISF Inpaint log";

	/** A row in the session's log table, shown when someone is at the screen. */
	private static void logRow(final ImagePlus imp, final InpaintSettings s, final Inpainter inpainter,
		final ModelPackage pkg, final InpaintImage.Outcome outcome)
	{
		ResultsTable t = ResultsTable.getResultsTable(TABLE);
		if (t == null) t = log;
		t.incrementCounter();
		t.addValue("Date", Instant.now().toString());
		t.addValue("Image", imp.getTitle());
		t.addValue("Model", pkg == null ? "unknown" : pkg.id() + " " + pkg.version());
		t.addValue("Weights sha256", pkg == null ? "" : pkg.sha256());
		t.addValue("Device", inpainter.device());
		t.addValue("Hole pixels", outcome.holePixels());
		t.addValue("Planes", outcome.parts());
		t.addValue("Settings", s.toMacroOptions());
		if (!GraphicsEnvironment.isHeadless() && IJ.getInstance() != null) t.show(TABLE);
	}

	/** The log when no window shows it (headless, -batch): kept for the session. */
	private static final ResultsTable log = new ResultsTable();

	/** The session's log table (for tests and macros that run without a display). */
	static ResultsTable table() {
		final ResultsTable shown = ResultsTable.getResultsTable(TABLE);
		return shown != null ? shown : log;
	}
}
