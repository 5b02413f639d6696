package org.misf.batch;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import org.misf.core.InpaintJob;
import org.misf.core.InpaintingReport;
import org.misf.core.MaskConvention;
import org.misf.core.ProductVersion;
import org.misf.files.Sha256;
import org.misf.io.RangeChoice;
import org.misf.model.Device;
import org.misf.model.EngineThreads;
import org.misf.model.Inpainter;
import org.misf.model.ModelPackage;

/**
 * The record of what was done to one image, written as {@code OUTPUT.json} next to each result: the software
 * and its build, the date, the input, mask and output files with their sha256, how the mask was read, the model
 * (id, version, sha256 of its weights), device and threads, every parameter, and the holes filled. A
 * conservator can trace a restored image back to exactly what made it. A record made for a result found without
 * one holds only what the result itself proves (its sha256) and says so ({@code "rebuilt"}).
 */
public final class Provenance {

	private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

	private Provenance() {}

	/** The sidecar's path for a result. */
	public static Path sidecar(final Path output) {
		return output.resolveSibling(output.getFileName() + ".json");
	}

	/** The record of an inpainted result, {@code output}, whose bytes are in {@code written}, as UTF-8 JSON. */
	public static byte[] json(final Path image, final Path mask, final Path output, final Path written,
		final MaskConvention convention, final InpaintJob job, final RangeChoice range, final Inpainter inpainter,
		final InpaintingReport r) throws IOException
	{
		final ModelPackage pkg = inpainter.modelPackage();
		final JsonObject o = head("inpaint");
		o.add("input", file(image, Sha256.of(image)));
		final JsonObject m = file(mask, Sha256.of(mask));
		m.addProperty("holes_are", convention.toString());
		o.add("mask", m);
		o.add("output", file(output, Sha256.of(written)));
		final JsonObject model = new JsonObject();
		model.addProperty("id", pkg.id());
		model.addProperty("version", pkg.version());
		model.addProperty("weights_sha256", pkg.sha256());
		o.add("model", model);
		o.addProperty("device", Device.word(inpainter.device()));
		o.addProperty("threads", EngineThreads.description());
		final JsonObject p = new JsonObject();
		p.addProperty("dilate", job.dilation());
		if (job.margin().isPresent()) p.addProperty("margin", job.margin().getAsInt());
		else p.addProperty("margin", "automatic");
		p.addProperty("batch", job.batchSize());
		p.addProperty("range", range.toString());
		o.add("parameters", p);
		o.addProperty("holes", r.holes());
		o.addProperty("hole_pixels", r.holePixels());
		o.addProperty("windows", r.windows());
		o.addProperty("seconds", BigDecimal.valueOf(r.millis(), 3));
		return bytes(o);
	}

	/**
	 * The record made for a result found without one: the file and its sha256 only (of {@code written}, its bytes),
	 * marked as rebuilt.
	 */
	public static byte[] rebuilt(final Path output, final Path written) throws IOException {
		final JsonObject o = head("rebuilt");
		o.addProperty("rebuilt", "the result was found without its record; only its file and sha256 are known, " +
			"not how it was made");
		o.add("output", file(output, Sha256.of(written)));
		return bytes(o);
	}

	/** The sha256 a record gives for its result; throws when the record cannot be read as one. */
	public static Recorded read(final Path record) throws IOException {
		final JsonElement root;
		try (Reader in = Files.newBufferedReader(record, StandardCharsets.UTF_8)) {
			root = JsonParser.parseReader(in);
		}
		catch (final JsonParseException e) {
			throw new IOException(record.getFileName() + " is not JSON.", e);
		}
		final JsonElement out = root.isJsonObject() ? root.getAsJsonObject().get("output") : null;
		final JsonElement sha = out != null && out.isJsonObject() ? out.getAsJsonObject().get("sha256") : null;
		if (sha == null || !sha.isJsonPrimitive()) throw new IOException(record.getFileName() +
			" names no output sha256.");
		return new Recorded(sha.getAsString(), root.getAsJsonObject().has("rebuilt"));
	}

	/** What a record says of its result. */
	public static final class Recorded {

		public final String sha256;
		public final boolean rebuilt;

		Recorded(final String sha256, final boolean rebuilt) {
			this.sha256 = sha256;
			this.rebuilt = rebuilt;
		}
	}

	private static JsonObject head(final String command) {
		final JsonObject o = new JsonObject();
		o.addProperty("software", ProductVersion.NAME);
		o.addProperty("version", ProductVersion.version());
		o.addProperty("date", Instant.now().toString());
		o.addProperty("command", command);
		return o;
	}

	private static JsonObject file(final Path p, final String sha256) {
		final JsonObject o = new JsonObject();
		o.addProperty("file", p.toAbsolutePath().toString());
		o.addProperty("sha256", sha256);
		return o;
	}

	private static byte[] bytes(final JsonObject o) {
		return (GSON.toJson(o) + "\n").getBytes(StandardCharsets.UTF_8);
	}
}
