package org.misf.batch;

import org.misf.model.InpaintingException;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileSaver;
import ij.process.ImageProcessor;

/**
 * Writes a result so that nothing is lost: to a hidden temporary file in the output folder
 * ({@code .NAME.tmp-PID-N.EXT}), forced to the disk, read back and compared pixel by pixel with the image, and
 * only then given its final name, without replacing anything there (a hard link, which fails if the name
 * exists). A full disk, a writer that reports an error but returns, or a second run that finished the same
 * output first, all leave what is already there untouched. Temporary files of processes that no longer run
 * (killed, out of time) are removed by the next run.
 */
public final class ResultWriter {

	private static final Pattern TEMP = Pattern.compile("^\\..+\\.tmp-(\\d+)(-\\d+)?\\.[A-Za-z]+$");

	/** Numbers this process's temporary files, so that two threads writing the same result never share one. */
	private static final java.util.concurrent.atomic.AtomicLong WRITES = new java.util.concurrent.atomic.AtomicLong();

	private ResultWriter() {}

	/**
	 * Writes {@code imp} to {@code output} (PNG for .png, else TIFF). Returns false, changing nothing, when
	 * {@code output} already exists (another run wrote it); throws when the result cannot be written whole.
	 */
	public static boolean write(final ImagePlus imp, final Path output) throws IOException {
		final Path dir = output.toAbsolutePath().getParent();
		Files.createDirectories(dir);
		final String name = output.getFileName().toString();
		final boolean png = name.toLowerCase(Locale.ROOT).endsWith(".png");
		final Path tmp = dir.resolve("." + name + ".tmp-" + ProcessHandle.current().pid() + "-" + WRITES.incrementAndGet() +
			(png ? ".png" : ".tif"));
		try {
			final FileSaver saver = new FileSaver(imp);
			final boolean ok = png ? saver.saveAsPng(tmp.toString()) : imp.getStackSize() > 1 ? saver.saveAsTiffStack(
				tmp.toString()) : saver.saveAsTiff(tmp.toString());
			if (!ok || !Files.isRegularFile(tmp)) throw new IOException("the result could not be written to " + dir +
				" (is the disk full or the folder read-only?).");
			try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
				ch.force(true);
			}
			verify(imp, tmp, output);
			return publish(tmp, output);
		}
		finally {
			Files.deleteIfExists(tmp);
		}
	}

	/** Writes {@code bytes} the same way (temporary file, forced, read back, linked); false when it exists. */
	public static boolean writeText(final byte[] bytes, final Path output) throws IOException {
		final Path dir = output.toAbsolutePath().getParent();
		final Path tmp = dir.resolve("." + output.getFileName() + ".tmp-" + ProcessHandle.current().pid() + "-" + WRITES
			.incrementAndGet() + ".txt");
		try {
			Files.write(tmp, bytes);
			try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
				ch.force(true);
			}
			if (!java.util.Arrays.equals(bytes, Files.readAllBytes(tmp))) throw new IOException("the record for " + output
				.getFileName() + " could not be written whole (is the disk full?).");
			return publish(tmp, output);
		}
		finally {
			Files.deleteIfExists(tmp);
		}
	}

	/** Gives a verified temporary file its name without replacing anything; false when the name exists. */
	static boolean publish(final Path tmp, final Path output) throws IOException {
		try {
			Files.createLink(output, tmp);
		}
		catch (final FileAlreadyExistsException e) {
			return false;
		}
		catch (final UnsupportedOperationException | IOException e) {
			if (Files.exists(output)) return false;
			Files.move(tmp, output); // no hard links here: a move that fails if the name exists
		}
		return true;
	}

	/** Reads the written file back and compares it with the image, slice by slice and pixel by pixel. */
	private static void verify(final ImagePlus imp, final Path tmp, final Path output) throws IOException {
		final ImagePlus back = IJ.openImage(tmp.toString());
		final String problem = back == null ? "it cannot be read back" : differs(imp, back);
		if (problem != null) throw new IOException("the result written for " + output.getFileName() +
			" is not whole (" + problem + "; is the disk full?); nothing was written under that name.");
	}

	/** Why the two images differ, or null when they are equal. */
	public static String differs(final ImagePlus a, final ImagePlus b) {
		if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight() || a.getStackSize() != b.getStackSize())
			return "its size differs";
		if (a.getBitDepth() != b.getBitDepth()) return "its bit depth differs";
		final ImageStack sa = a.getStack(), sb = b.getStack();
		final boolean floats = a.getBitDepth() == 32;
		for (int s = 1; s <= sa.getSize(); s++) {
			final ImageProcessor pa = sa.getProcessor(s), pb = sb.getProcessor(s);
			final int n = pa.getPixelCount();
			for (int i = 0; i < n; i++)
				if (floats ? Float.compare(pa.getf(i), pb.getf(i)) != 0 : (pa.get(i) & 0xffffff) != (pb.get(i) & 0xffffff))
					return "slice " + s + " differs at pixel " + i;
		}
		return null;
	}

	/** Removes temporary results in {@code dir} left by processes that no longer run; returns how many. */
	public static int removeStaleTemps(final Path dir) {
		int removed = 0;
		if (!Files.isDirectory(dir)) return 0;
		try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, ".*.tmp-*")) {
			for (final Path p : s) {
				final Matcher m = TEMP.matcher(p.getFileName().toString());
				if (!m.matches()) continue;
				final long pid = Long.parseLong(m.group(1));
				if (pid == ProcessHandle.current().pid() || ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
					continue;
				if (Files.deleteIfExists(p)) removed++;
			}
		}
		catch (final IOException | NumberFormatException e) {
			// nothing to clean, or not allowed to: the results are not affected
		}
		return removed;
	}

	/** Fails now, before any image is computed, when nothing can be written into {@code dir}. */
	public static void checkWritable(final Path dir) {
		try {
			Files.createDirectories(dir);
			final Path probe = Files.createTempFile(dir, ".misf-write-check", ".tmp");
			Files.delete(probe);
		}
		catch (final IOException | SecurityException e) {
			throw new InpaintingException("Results cannot be written into " + dir + " (" + e.getClass()
				.getSimpleName() + ": " + e.getMessage() + ").");
		}
	}
}
