package org.misf.imagej;

import java.time.Instant;

import ij.ImagePlus;

import org.misf.model.Inpainter;
import org.misf.model.ModelPackage;

/**
 * The record of an inpainting in the image's Info (Image › Show Info, saved with TIFFs): date, software version,
 * model id, version and weights sha256, device and every setting, hole pixels and planes. One line per run is
 * appended, so a restored image carries its history.
 */
final class InfoRecord {

	static final String PREFIX = "MISF Inpaint:";

	private InfoRecord() {}

	static void append(final ImagePlus imp, final InpaintSettings s, final Inpainter inpainter,
		final InpaintImage.Outcome outcome)
	{
		if (outcome.holePixels() == 0) return;
		final ModelPackage pkg = inpainter.modelPackage();
		final Package p = InfoRecord.class.getPackage();
		final String line = PREFIX + " " + Instant.now() + "; MISF for Fiji " + (p == null || p
			.getImplementationVersion() == null ? "development build" : p.getImplementationVersion()) + "; model " + (pkg ==
				null ? "unknown" : pkg.id() + " " + pkg.version() + " sha256 " + pkg.sha256()) + "; device " + inpainter
					.device() + "; " + s.toMacroOptions() + "; " + outcome.holePixels() + " hole pixels in " + outcome.parts() +
			" plane" + (outcome.parts() == 1 ? "" : "s");
		final Object old = imp.getProperty("Info");
		imp.setProperty("Info", old == null || old.toString().isEmpty() ? line : old.toString().replaceFirst("\\s*$", "") +
			"\n" + line);
	}
}
