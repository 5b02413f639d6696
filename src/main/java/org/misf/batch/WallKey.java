package org.misf.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.misf.core.BadInputException;
import org.misf.core.IntensityMapping;
import org.misf.core.PlanSettings;
import org.misf.core.ProductVersion;
import org.misf.io.RangeChoice;

/**
 * What a wall's work folder is for ({@link WallWork}): the input and mask files (path, size, time of change), the
 * model's weights, every setting that changes a pixel, and this software's version. Work made for another key is
 * not reused.
 */
final class WallKey {

	private WallKey() {}

	static String of(final InpaintJobs.Job job, final BatchSpec spec, final WallNetwork net) throws IOException {
		final PlanSettings s = net.settings();
		return String.join("\n", ProductVersion.NAME + " " + ProductVersion.version(), file(job.image), file(job.mask),
			"model " + net.inpainter().modelPackage().sha256(), "mask " + spec.convention, "range " + spec.range,
			"plan " + s.dilation() + " " + s.margin() + " " + s.multiple() + " " + s.minSize() + " " + s.maxSize() + " " +
				s.batchSize() + " " + s.tiles() + " " + s.blockSide(), "");
	}

	private static String file(final Path p) throws IOException {
		return p.toAbsolutePath() + " " + Files.size(p) + " " + Files.getLastModifiedTime(p).toMillis();
	}

	/** The intensity mapping of a wall of {@code bits}-bit samples: the type's range, or the user's MIN,MAX. */
	static IntensityMapping mapping(final RangeChoice range, final int bits) {
		if (range.isFixed()) return new IntensityMapping(range.min(), range.max());
		if (range == RangeChoice.DISPLAY) throw new BadInputException("a wall read block by block has no display " +
			"range; use --range auto or MIN,MAX.");
		return new IntensityMapping(0, bits == 16 ? 65535 : 255);
	}
}
