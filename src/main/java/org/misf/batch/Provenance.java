package org.misf.batch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;

import org.misf.core.InpaintJob;
import org.misf.core.InpaintingReport;
import org.misf.core.MaskConvention;
import org.misf.core.ProductVersion;
import org.misf.model.EngineThreads;
import org.misf.model.Inpainter;
import org.misf.model.ModelPackage;

/**
 * The record of what was done to one image, written as {@code OUTPUT.json} next to each result: the software
 * and its build, the date, the input, mask and output files with their sha256, how the mask was read, the model
 * (id, version, sha256 of its weights), device and threads, every parameter, and the holes filled. A
 * conservator can trace a restored image back to exactly what made it.
 */
public final class Provenance {

	private Provenance() {}

	/** The sidecar's path for a result. */
	public static Path sidecar(final Path output) {
		return output.resolveSibling(output.getFileName() + ".json");
	}

	/** The record as JSON text. */
	public static String json(final Path image, final Path mask, final Path output, final MaskConvention convention,
		final InpaintJob job, final String range, final Inpainter inpainter, final InpaintingReport r)
	{
		return json(image, mask, output, ModelPackage.sha256(output), convention, job, range, inpainter, r);
	}

	/** The record of a result whose file (named {@code output}, perhaps not yet) has {@code outputSha256}. */
	public static String json(final Path image, final Path mask, final Path output, final String outputSha256,
		final MaskConvention convention, final InpaintJob job, final String range, final Inpainter inpainter,
		final InpaintingReport r)
	{
		final ModelPackage pkg = inpainter.modelPackage();
		final StringBuilder b = new StringBuilder("{\n");
		field(b, "software", ProductVersion.NAME);
		field(b, "version", ProductVersion.version());
		field(b, "date", Instant.now().toString());
		field(b, "command", "inpaint");
		b.append("  \"input\": ").append(file(image, "")).append(",\n");
		b.append("  \"mask\": ").append(file(mask, ", \"holes_are\": " + quote(convention.toString()))).append(",\n");
		b.append("  \"output\": {\"file\": ").append(quote(output.toAbsolutePath().toString())).append(
			", \"sha256\": ").append(quote(outputSha256)).append("},\n");
		b.append("  \"model\": {\"id\": ").append(quote(pkg.id())).append(", \"version\": ").append(quote(pkg
			.version())).append(", \"weights_sha256\": ").append(quote(pkg.sha256())).append("},\n");
		field(b, "device", inpainter.device());
		field(b, "threads", EngineThreads.description());
		b.append(String.format(Locale.ROOT, "  \"parameters\": {\"dilate\": %d, \"margin\": %s, \"batch\": %d, " +
			"\"range\": %s},\n", job.dilation(), job.margin().isPresent() ? Integer.toString(job.margin().getAsInt()) :
				"\"automatic\"", job.batchSize(), quote(range)));
		b.append(String.format(Locale.ROOT, "  \"holes\": %d,\n  \"hole_pixels\": %d,\n  \"windows\": %d,\n" +
			"  \"seconds\": %.3f\n}\n", r.holes(), r.holePixels(), r.windows(), r.millis() / 1000.0));
		return b.toString();
	}

	/** Writes the record next to {@code output}, never replacing one that is there. */
	public static void write(final Path output, final String json) throws IOException {
		ResultWriter.writeText(json.getBytes(StandardCharsets.UTF_8), sidecar(output));
	}

	/** {"file": ..., "sha256": ...} and {@code more} (further fields, each starting with ", "). */
	private static String file(final Path p, final String more) {
		return "{\"file\": " + quote(p.toAbsolutePath().toString()) + ", \"sha256\": " + quote(ModelPackage.sha256(p)) +
			more + "}";
	}

	private static void field(final StringBuilder b, final String key, final String value) {
		b.append("  ").append(quote(key)).append(": ").append(quote(value)).append(",\n");
	}

	public static String quote(final String s) {
		final StringBuilder b = new StringBuilder("\"");
		for (final char c : s.toCharArray()) {
			if (c == '"' || c == '\\') b.append('\\').append(c);
			else if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
			else b.append(c);
		}
		return b.append('"').toString();
	}
}
