package org.misf.cli;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.Map;
import java.util.Set;

import ij.IJ;
import ij.ImagePlus;
import ij.io.FileSaver;

import org.misf.core.CancelledException;
import org.misf.model.Device;
import org.misf.model.InpaintOptions;
import org.misf.model.InpaintResult;
import org.misf.model.Inpainter;
import org.misf.model.Inpainters;
import org.misf.model.InpaintingException;
import org.misf.model.ModelPackage;

/**
 * {@code inpaint IMAGE MASK -o OUT} or {@code inpaint IMAGE_DIR MASK_DIR -o OUT_DIR}: inpaints one image or
 * a folder of images with matching masks. Resumable (existing outputs are skipped), atomic (written to a
 * hidden temporary file, then moved), never overwrites an input, goes on after a bad file, and splits a
 * folder between cluster jobs with {@code --shard i/n}.
 */
public final class InpaintCommand implements Subcommand {

	static final Set<String> IMAGE_EXTENSIONS = new HashSet<>(Arrays.asList("tif", "tiff", "png", "jpg", "jpeg",
		"bmp", "gif", "pgm"));

	private static final String USAGE = String.join("\n",
		"Usage: inpaint IMAGE MASK -o OUTPUT            (OUTPUT: a file, or a folder to put IMAGE's name in)",
		"       inpaint IMAGE_DIR MASK_DIR -o OUT_DIR    (masks match by name: a.tif <- a.png, a_mask.png, a-mask.tif)",
		"Options:",
		"  --model PATH|default   model package folder or zip (default: the shipped misf-w32)",
		"  --device auto|cpu|gpu  where the network runs (default auto)",
		"  --dilate N             grow holes by N pixels first (default 0)",
		"  --margin N             context around holes in pixels (default automatic)",
		"  --batch N              windows per network call (default 4)",
		"  --range auto|display|MIN,MAX  intensity range mapped to [0,1] (default auto: 8/16-bit type range,",
		"                         32-bit min/max of the known pixels; display = the file's ImageJ display range)",
		"  --shard I/N            only every N-th image starting at I (0 <= I < N), for job arrays",
		"  --threads N            CPU threads for the network (default: the physical cores that are idle at start)",
		"  --quiet                no progress bar",
		"Outputs keep the input's name (.tif/.png; other formats are written as .png) and are never overwritten.",
		"Exit codes: 0 all done, 1 some images failed (the others are done), 2 bad usage or nothing could be done.");

	@Override
	public String name() { return "inpaint"; }

	@Override
	public String summary() {
		return "inpaint an image (or a folder of images) where its mask is non-zero";
	}

	@Override
	public int run(final List<String> args, final PrintStream out, final PrintStream err) {
		return run(args, out, err, () -> false);
	}

	/**
	 * As {@link #run(List, PrintStream, PrintStream)}, stopping cleanly when {@code cancelled} turns true (e.g. Esc
	 * in ImageJ): the image in progress is not written, finished outputs stay, a later run resumes. Exit code 1.
	 */
	public int run(final List<String> args, final PrintStream out, final PrintStream err,
		final BooleanSupplier cancelled)
	{
		final Options o;
		final List<Job> jobs;
		final InpaintOptions options;
		final boolean displayRange;
		try {
			o = new Options(args, new HashSet<>(Arrays.asList("out", "model", "device", "dilate", "margin", "batch",
				"range", "shard", "threads")), new HashSet<>(Arrays.asList("quiet", "help")));
			if (o.has("help")) {
				out.println(USAGE);
				return 0;
			}
			if (o.positional().size() != 2 || !o.has("out"))
				throw new Options.UsageException("inpaint needs an image (or folder), a mask (or folder) and -o OUTPUT.");
			InpaintOptions opt = InpaintOptions.DEFAULTS.withDilation(o.getInt("dilate", 0)).withMargin(o.getInt("margin",
				-1)).withBatchSize(o.getInt("batch", 4));
			final String range = o.get("range", "auto");
			displayRange = range.equals("display");
			if (!displayRange && !range.equals("auto")) opt = withRange(opt, range);
			options = opt;
			Threads.apply(o);
			jobs = jobs(Paths.get(o.positional().get(0)), Paths.get(o.positional().get(1)), o.get("out", ""), o.get(
				"shard", null));
		}
		catch (final Options.UsageException | InpaintingException e) {
			err.println("error: " + e.getMessage());
			err.println("(inpaint --help shows the options)");
			return 2;
		}
		if (jobs.isEmpty()) {
			err.println("error: no images to inpaint in " + o.positional().get(0) + ".");
			return 2;
		}

		final long t0 = System.currentTimeMillis();
		final ProgressBar bar = new ProgressBar(err, !o.has("quiet"));
		int done = 0, skipped = 0, failed = 0;
		boolean stopped = false;
		final List<Job> todo = new ArrayList<>();
		for (final Job j : jobs)
			if (Files.exists(j.output)) skipped++;
			else todo.add(j);
		if (!todo.isEmpty()) {
			try (Inpainter inpainter = Inpainters.open(ModelPackage.open(o.get("model", "default")), Device.parse(o.get(
				"device", "auto"))))
			{
				final boolean single = todo.size() == 1;
				int n = 0;
				for (final Job j : todo) {
					if (cancelled.getAsBoolean()) {
						stopped = true;
						break;
					}
					final String name = j.image.getFileName().toString();
					if (!single) bar.progress(n, todo.size(), name);
					try {
						final String msg = inpaintOne(inpainter, j, options, displayRange, new Named(bar, name, single,
							cancelled));
						done++;
						if (msg != null) bar.message(name + ": " + msg);
					}
					catch (final CancelledException e) {
						stopped = true;
						break;
					}
					catch (final InpaintingException | IOException e) {
						failed++;
						bar.message("error: " + name + ": " + e.getMessage());
					}
					catch (final RuntimeException e) {
						failed++;
						bar.message("error: " + name + ": unexpected failure (" + e + ").");
					}
					if (!single) bar.progress(++n, todo.size(), "");
				}
				bar.finish();
			}
			catch (final InpaintingException e) {
				bar.finish();
				err.println("error: " + e.getMessage());
				return 2;
			}
		}
		out.println(String.format(Locale.ROOT, "%d inpainted, %d skipped (already done), %d failed, of %d image%s in %.1f s%s",
			done, skipped, failed, jobs.size(), jobs.size() == 1 ? "" : "s", (System.currentTimeMillis() - t0) / 1000.0,
			stopped ? "; cancelled: the rest is left for a later run." : "."));
		return failed > 0 || stopped ? 1 : 0;
	}

	/** Inpaints one job and writes its output; returns a note for the user (e.g. an empty mask) or null. */
	private static String inpaintOne(final Inpainter inpainter, final Job j, final InpaintOptions options,
		final boolean displayRange, final org.misf.core.ProgressListener progress) throws IOException
	{
		if (j.mask == null) throw new InpaintingException("there is no matching mask.");
		final ImagePlus imp = open(j.image);
		final ImagePlus mask = open(j.mask);
		final InpaintResult r = ImagePlusInpainting.inpaint(inpainter, imp, mask, options, displayRange, progress);
		save(imp, j.output);
		return r.holePixels() == 0 ? r.toString() : null;
	}

	private static ImagePlus open(final Path p) {
		if (!Files.isRegularFile(p)) throw new InpaintingException("the file " + p + " does not exist.");
		final ImagePlus imp = IJ.openImage(p.toString());
		if (imp == null) throw new InpaintingException("the file " + p + " cannot be opened as an image.");
		return imp;
	}

	/** Writes atomically: a hidden temporary file in the same folder, then one move to the final name. */
	static void save(final ImagePlus imp, final Path output) throws IOException {
		final Path dir = output.toAbsolutePath().getParent();
		Files.createDirectories(dir);
		final Path tmp = dir.resolve("." + output.getFileName() + ".tmp-" + ProcessHandle.current().pid());
		try {
			final FileSaver saver = new FileSaver(imp);
			final boolean ok = output.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png") ? saver
				.saveAsPng(tmp.toString()) : imp.getStackSize() > 1 ? saver.saveAsTiffStack(tmp.toString()) : saver
					.saveAsTiff(tmp.toString());
			if (!ok || !Files.isRegularFile(tmp)) throw new IOException("the result could not be written to " + output +
				".");
			try {
				Files.move(tmp, output, StandardCopyOption.ATOMIC_MOVE);
			}
			catch (final AtomicMoveNotSupportedException e) {
				Files.move(tmp, output, StandardCopyOption.REPLACE_EXISTING);
			}
		}
		finally {
			Files.deleteIfExists(tmp);
		}
	}

	private static InpaintOptions withRange(final InpaintOptions o, final String range) {
		final String[] p = range.split(",");
		try {
			if (p.length == 2) return o.withRange(Double.parseDouble(p[0].trim()), Double.parseDouble(p[1].trim()));
		}
		catch (final NumberFormatException e) {
			// below
		}
		throw new Options.UsageException("--range needs auto, display or MIN,MAX, not '" + range + "'.");
	}

	/** Window progress of one image (shown with its name when it is the only one) and the batch's cancel switch. */
	private static final class Named implements org.misf.core.ProgressListener {

		private final ProgressBar bar;
		private final String name;
		private final boolean show;
		private final BooleanSupplier cancelled;

		Named(final ProgressBar bar, final String name, final boolean show, final BooleanSupplier cancelled) {
			this.bar = bar;
			this.name = name;
			this.show = show;
			this.cancelled = cancelled;
		}

		@Override
		public void progress(final long done, final long total, final String message) {
			if (show) bar.progress(done, total, name + " (windows)");
		}

		@Override
		public boolean isCancelled() {
			return cancelled.getAsBoolean();
		}
	}

	/** One image to inpaint: its mask (null when none matches) and its output file. */
	static final class Job {

		final Path image;
		final Path mask;
		final Path output;

		Job(final Path image, final Path mask, final Path output) {
			this.image = image;
			this.mask = mask;
			this.output = output;
		}
	}

	/** The work for these arguments, after the shard; checks that no output can be an input. */
	static List<Job> jobs(final Path image, final Path mask, final String outArg, final String shard) {
		final int[] sh = parseShard(shard);
		final Path out = Paths.get(outArg);
		final List<Job> jobs = new ArrayList<>();
		if (Files.isDirectory(image)) {
			if (!Files.isDirectory(mask)) throw new Options.UsageException("The image path " + image +
				" is a folder, so the mask path must be one too.");
			if (Files.exists(out) && !Files.isDirectory(out)) throw new Options.UsageException("The output " + out +
				" must be a folder when the input is a folder.");
			if (same(out, image) || same(out, mask)) throw new Options.UsageException(
				"The output folder must differ from the image and mask folders, so inputs are never overwritten.");
			final Map<String, Path> masks = masksByName(mask);
			final List<Path> images = imagesIn(image);
			if (same(image, mask)) images.removeIf(p -> isMaskName(base(p)));
			for (int i = 0; i < images.size(); i++) {
				if (i % sh[1] != sh[0]) continue;
				final Path img = images.get(i);
				jobs.add(new Job(img, masks.get(base(img)), out.resolve(outputName(img))));
			}
			return jobs;
		}
		if (!Files.isRegularFile(image)) throw new Options.UsageException("The image " + image + " does not exist.");
		if (!Files.isRegularFile(mask)) throw new Options.UsageException("The mask " + mask + " does not exist.");
		final boolean folder = Files.isDirectory(out) || outArg.endsWith("/") || outArg.endsWith(File.separator) ||
			extension(out.getFileName().toString()).isEmpty();
		final Path output = folder ? out.resolve(outputName(image)) : out;
		if (same(output, image) || same(output, mask))
			throw new Options.UsageException("The output " + output + " is an input; choose another output.");
		jobs.add(new Job(image, mask, output));
		return jobs;
	}

	static int[] parseShard(final String shard) {
		if (shard == null) return new int[] { 0, 1 };
		final String[] p = shard.split("/");
		try {
			if (p.length == 2) {
				final int i = Integer.parseInt(p[0].trim()), n = Integer.parseInt(p[1].trim());
				if (n >= 1 && i >= 0 && i < n) return new int[] { i, n };
			}
		}
		catch (final NumberFormatException e) {
			// below
		}
		throw new Options.UsageException("--shard needs I/N with 0 <= I < N (e.g. 0/4), not '" + shard + "'.");
	}

	/** The output file name: the input's name for .tif/.tiff/.png, otherwise the base name + .png. */
	static String outputName(final Path image) {
		final String name = image.getFileName().toString();
		final String ext = extension(name);
		if (ext.equals("tif") || ext.equals("tiff") || ext.equals("png")) return name;
		return base(image) + ".png";
	}

	private static List<Path> imagesIn(final Path dir) {
		final List<Path> out = new ArrayList<>();
		try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
			for (final Path p : s)
				if (Files.isRegularFile(p) && !p.getFileName().toString().startsWith(".") && IMAGE_EXTENSIONS.contains(
					extension(p.getFileName().toString()))) out.add(p);
		}
		catch (final IOException e) {
			throw new Options.UsageException("The folder " + dir + " cannot be read (" + e.getMessage() + ").");
		}
		out.sort(null);
		return out;
	}

	/** Masks by the base name they belong to: "a.png", "a_mask.png", "a-mask.tif" and "a.mask.png" all belong to "a". */
	private static Map<String, Path> masksByName(final Path dir) {
		final Map<String, Path> map = new HashMap<>();
		for (final Path p : imagesIn(dir)) {
			final String b = base(p);
			if (isMaskName(b)) map.put(b.substring(0, b.length() - MASK_SUFFIX_LENGTH), p); // a suffixed name wins
			else map.putIfAbsent(b, p);
		}
		return map;
	}

	private static final int MASK_SUFFIX_LENGTH = 5;

	private static boolean isMaskName(final String base) {
		return base.endsWith("_mask") || base.endsWith("-mask") || base.endsWith(".mask");
	}

	private static String base(final Path p) {
		final String n = p.getFileName().toString();
		final int dot = n.lastIndexOf('.');
		return dot > 0 ? n.substring(0, dot) : n;
	}

	private static String extension(final String name) {
		final int dot = name.lastIndexOf('.');
		return dot > 0 ? name.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
	}

	private static boolean same(final Path a, final Path b) {
		try {
			if (Files.exists(a) && Files.exists(b)) return Files.isSameFile(a, b);
		}
		catch (final IOException e) {
			// compare the paths below
		}
		return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
	}
}
