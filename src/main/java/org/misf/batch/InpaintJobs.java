package org.misf.batch;

import org.misf.model.InpaintingException;

import java.io.File;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What {@code inpaint} has to do: the images, their masks and their output files, before and after
 * {@code --shard}. Output names are decided from the whole folder, so every shard agrees on them, and two inputs
 * never share one: when several inputs would (a.jpg and a.png both give a.png), those not already named so
 * keep their extension in the name (a_jpg.png).
 */
public final class InpaintJobs {

	static final Set<String> IMAGE_EXTENSIONS = new HashSet<>(Arrays.asList("tif", "tiff", "png", "jpg", "jpeg",
		"bmp", "gif", "pgm"));

	private InpaintJobs() {}

	/**
	 * One image to inpaint: its mask (null when none matches) and its output file; or why it cannot be done at all
	 * ({@code problem}, one sentence; then the output is null). Serializable as its paths, for another process of
	 * a {@link BatchRunner}.
	 */
	public static final class Job implements java.io.Serializable {

		private static final long serialVersionUID = 1L;

		public final Path image;
		public final Path mask;
		public final Path output;
		public final String problem;

		Job(final Path image, final Path mask, final Path output) {
			this(image, mask, output, null);
		}

		private Job(final Path image, final Path mask, final Path output, final String problem) {
			this.image = image;
			this.mask = mask;
			this.output = output;
			this.problem = problem;
		}

		/** Travels as its paths, absolute (other processes run in other folders), and its problem. */
		private Object writeReplace() {
			return new PlainJob(this);
		}

		private void readObject(final java.io.ObjectInputStream in) throws java.io.InvalidObjectException {
			throw new java.io.InvalidObjectException("a Job travels as its paths");
		}

		/** The job for an image of a folder; a name that cannot be turned into text and back is a problem. */
		static Job of(final Path image, final Path mask, final Path folder, final String outputName) {
			if (nameIsText(image)) return new Job(image, mask, folder.resolve(outputName));
			final String encoding = System.getProperty("sun.jnu.encoding", java.nio.charset.Charset.defaultCharset()
				.name());
			return new Job(image, mask, null, encoding.replace("-", "").equalsIgnoreCase("UTF8") ?
				"its name is not valid in this system's character encoding (UTF-8); rename the file." :
				"its name cannot be read in this system's character encoding (" + encoding +
					", as when LANG is not set); run with LANG=C.UTF-8, or rename the file.");
		}

		/** Whether a file's name, read as text (as ImageJ and the output names need it), names that file again. */
		private static boolean nameIsText(final Path p) {
			try {
				return p.getFileSystem().getPath(p.toString()).equals(p);
			}
			catch (final InvalidPathException e) {
				return false;
			}
		}
	}

	/** A job's paths as text, for {@link Job}'s serialization. */
	private static final class PlainJob implements java.io.Serializable {

		private static final long serialVersionUID = 1L;

		private final String image, mask, output, problem;

		PlainJob(final Job j) {
			image = text(j.image);
			mask = text(j.mask);
			output = text(j.output);
			problem = j.problem;
		}

		private static String text(final Path p) {
			return p == null ? null : p.toAbsolutePath().toString();
		}

		private static Path path(final String s) {
			return s == null ? null : Paths.get(s);
		}

		private Object readResolve() {
			return new Job(path(image), path(mask), path(output), problem);
		}
	}

	/** The work for these arguments, after the shard; checks that no output can be an input. */
	public static List<Job> list(final Path image, final Path mask, final String outArg, final String shard) {
		final int[] sh = parseShard(shard);
		final Path out = Paths.get(outArg);
		final List<Job> jobs = new ArrayList<>();
		if (Files.isDirectory(image)) {
			if (!Files.isDirectory(mask)) throw new InpaintingException("The image path " + image +
				" is a folder, so the mask path must be one too.");
			if (Files.exists(out) && !Files.isDirectory(out)) throw new InpaintingException("The output " + out +
				" must be a folder when the input is a folder.");
			if (same(out, image) || same(out, mask)) throw new InpaintingException(
				"The output folder must differ from the image and mask folders, so inputs are never overwritten.");
			final Map<String, Path> masks = masksByName(mask);
			final List<Path> images = imagesIn(image);
			if (same(image, mask)) images.removeIf(p -> isMaskName(base(p)));
			final List<String> names = uniqueOutputNames(images);
			for (int i = 0; i < images.size(); i++) {
				if (i % sh[1] != sh[0]) continue;
				final Path img = images.get(i);
				jobs.add(Job.of(img, masks.get(base(img)), out, names.get(i)));
			}
			return jobs;
		}
		if (!Files.isRegularFile(image)) throw new InpaintingException("The image " + image + " does not exist.");
		if (!Files.isRegularFile(mask)) throw new InpaintingException("The mask " + mask + " does not exist.");
		final boolean folder = Files.isDirectory(out) || outArg.endsWith("/") || outArg.endsWith(File.separator) ||
			extension(out.getFileName().toString()).isEmpty();
		final Path output = folder ? out.resolve(outputName(image)) : out;
		final String ext = extension(output.getFileName().toString());
		if (!ext.equals("tif") && !ext.equals("tiff") && !ext.equals("png")) throw new InpaintingException(
			"The output " + output + " must end in .tif, .tiff or .png (the formats results are written in).");
		if (same(output, image) || same(output, mask))
			throw new InpaintingException("The output " + output + " is an input; choose another output.");
		jobs.add(new Job(image, mask, output));
		return jobs;
	}

	public static int[] parseShard(final String shard) {
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
		throw new InpaintingException("--shard needs I/N with 0 <= I < N (e.g. 0/4), not '" + shard + "'.");
	}

	/**
	 * The output names of a folder's images, in the same order: {@link #outputName}, except where several images
	 * would share one; then each of them whose own name is not that name gets its extension into the name
	 * (a.jpg -> a_jpg.png beside a.png -> a.png). Refuses a folder where even that leaves two alike.
	 */
	public static List<String> uniqueOutputNames(final List<Path> images) {
		final Map<String, Integer> count = new HashMap<>();
		for (final Path p : images)
			count.merge(outputName(p).toLowerCase(Locale.ROOT), 1, Integer::sum);
		final List<String> names = new ArrayList<>(images.size());
		final Set<String> seen = new HashSet<>();
		for (final Path p : images) {
			String name = outputName(p);
			final String file = p.getFileName().toString();
			if (count.get(name.toLowerCase(Locale.ROOT)) > 1 && !file.equals(name)) name = base(p) + "_" + extension(
				file) + ".png";
			if (!seen.add(name.toLowerCase(Locale.ROOT))) throw new InpaintingException("Two images in " + p
				.getParent() + " would both be written as " + name + "; rename one of them.");
			names.add(name);
		}
		return names;
	}

	/** The output file name: the input's name for .tif/.tiff/.png, otherwise the base name + .png. */
	public static String outputName(final Path image) {
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
			throw new InpaintingException("The folder " + dir + " cannot be read (" + e.getMessage() + ").");
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
