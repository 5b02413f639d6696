package org.misf.batch;

import org.misf.files.ProcessMark;
import org.misf.files.StaleWork;
import org.misf.io.ImageFile;
import org.misf.model.InpaintingException;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.ImageProcessor;

/**
 * Writes results so that nothing is lost and every result stands with its record: each file goes to a hidden
 * temporary file in the output folder ({@code .NAME.tmp-MARK.EXT}, {@link ProcessMark}), is forced to the disk and
 * read back (an image compared pixel by pixel), and only then gets its name, without replacing anything there
 * (a hard link, which fails if the name exists). A result and its record are both written and checked before
 * either is named; then the record is named first and the result second, so a run killed between the two leaves
 * a record without a result (which the next run removes and redoes), never a result without its record. A full
 * disk, a writer that reports an error but returns, or a second run that finished the same output first, all
 * leave what is already there untouched. Temporary files of processes that are gone are removed by the next run.
 */
public final class ResultWriter {

	private static final Pattern TEMP = Pattern.compile("^\\..+\\.tmp-(" + ProcessMark.REGEX + ")\\.[A-Za-z]+$");

	private ResultWriter() {}

	/** Makes a result's record from the result as written (its file, whole and checked, not yet named). */
	public interface RecordText {

		byte[] forResult(Path written) throws IOException;
	}

	/**
	 * Writes {@code imp} to {@code output} (PNG for .png, else TIFF). Returns false, changing nothing, when
	 * {@code output} already exists (another run wrote it); throws when the result cannot be written whole.
	 */
	public static boolean write(final ImagePlus imp, final Path output) throws IOException {
		try (Staged result = image(imp, output)) {
			return result.publish();
		}
	}

	/**
	 * Writes {@code imp} to {@code output} and its record ({@link Provenance#sidecar}) together: both whole on the
	 * disk before either is named; false, changing nothing, when another run named either first.
	 */
	public static boolean writeWithRecord(final ImagePlus imp, final Path output, final RecordText record)
		throws IOException
	{
		try (Staged result = image(imp, output)) {
			return namedWithRecord(result, record);
		}
	}

	/**
	 * Names {@code temp}, a result its writer has already written whole and checked (a wall's tiled TIFF), as
	 * {@code output}, with its record when {@code record} is not null, as {@link #writeWithRecord} does; the
	 * temporary name is gone afterwards.
	 */
	public static boolean publishWithRecord(final Path temp, final Path output, final RecordText record)
		throws IOException
	{
		try (Staged result = new Staged(temp, output, null)) {
			return record == null ? result.publish() : namedWithRecord(result, record);
		}
	}

	/** The record named first, then the result; the record taken back when another run's result has the name. */
	private static boolean namedWithRecord(final Staged result, final RecordText record) throws IOException {
		try (Staged text = text(record.forResult(result.temp), Provenance.sidecar(result.target))) {
			if (!text.publish()) return false;
			if (result.publish()) return true;
			text.unpublish(); // another run's result took the name: this record would describe it falsely
			return false;
		}
	}

	/** Writes {@code bytes} the same way (temporary file, forced, read back, named); false when it exists. */
	public static boolean writeText(final byte[] bytes, final Path output) throws IOException {
		try (Staged text = text(bytes, output)) {
			return text.publish();
		}
	}

	/** A whole, verified temporary file waiting for its name; closing removes the temporary name. */
	private static final class Staged implements AutoCloseable {

		final Path temp, target;
		private final byte[] bytes; // a text's content; null for an image

		Staged(final Path temp, final Path target, final byte[] bytes) {
			this.temp = temp;
			this.target = target;
			this.bytes = bytes;
		}

		/** Gives the file its name without replacing anything; false when the name exists. */
		boolean publish() throws IOException {
			try {
				Files.createLink(target, temp);
			}
			catch (final FileAlreadyExistsException e) {
				return false;
			}
			catch (final UnsupportedOperationException | IOException e) {
				if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) return false;
				Files.move(temp, target); // no hard links here (FAT, some network shares): a move that refuses an existing name
			}
			return true;
		}

		/** Takes a text's name back, if it still names this text. */
		void unpublish() throws IOException {
			if (Arrays.equals(bytes, Files.readAllBytes(target))) Files.delete(target);
		}

		@Override
		public void close() throws IOException {
			Files.deleteIfExists(temp);
		}
	}

	private static Path tempFor(final Path output, final String extension) throws IOException {
		final Path dir = output.toAbsolutePath().getParent();
		Files.createDirectories(dir);
		return dir.resolve("." + output.getFileName() + ".tmp-" + ProcessMark.mine() + extension);
	}

	/** {@code imp} written to a temporary file for {@code output}, forced to the disk and read back equal. */
	private static Staged image(final ImagePlus imp, final Path output) throws IOException {
		final boolean png = output.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png");
		final Path tmp = tempFor(output, png ? ".png" : ".tif");
		final Staged staged = new Staged(tmp, output, null);
		boolean whole = false;
		try {
			final boolean ok = ImageFile.save(imp, tmp);
			if (!ok || !Files.isRegularFile(tmp)) throw new IOException("the result could not be written to " + tmp
				.getParent() + " (is the disk full or the folder read-only?).");
			force(tmp);
			final ImagePlus back = ImageFile.readBack(tmp);
			final String problem = back == null ? "it cannot be read back" : differs(imp, back);
			if (problem != null) throw new IOException("the result written for " + output.getFileName() +
				" is not whole (" + problem + "; is the disk full?); nothing was written under that name.");
			whole = true;
			return staged;
		}
		finally {
			if (!whole) staged.close();
		}
	}

	/** {@code bytes} written to a temporary file for {@code output}, forced to the disk and read back equal. */
	private static Staged text(final byte[] bytes, final Path output) throws IOException {
		final Staged staged = new Staged(tempFor(output, ".txt"), output, bytes);
		boolean whole = false;
		try {
			try {
				Files.write(staged.temp, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
				force(staged.temp);
				whole = Arrays.equals(bytes, Files.readAllBytes(staged.temp));
			}
			catch (final IOException e) {
				throw new IOException("the record " + output.getFileName() + " could not be written to " + staged.temp
					.getParent() + " (is the disk full or the folder read-only?).", e);
			}
			if (!whole) throw new IOException("the record " + output.getFileName() +
				" was not written whole (is the disk full?).");
			return staged;
		}
		finally {
			if (!whole) staged.close();
		}
	}

	private static void force(final Path file) throws IOException {
		try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
			ch.force(true);
		}
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

	/** Removes temporary results in {@code dir} left by processes that are gone; returns how many. */
	public static int removeStaleTemps(final Path dir) {
		return StaleWork.remove(dir, ".*.tmp-*", TEMP);
	}

	/** Fails now, before any image is computed, when nothing can be written into {@code dir}. */
	public static void checkWritable(final Path dir) {
		try {
			Files.createDirectories(dir);
			final Path probe = Files.createFile(dir.resolve(".misf-write-check-" + System.nanoTime() + ".tmp-" + ProcessMark
				.mine() + ".txt")); // marked: if a kill leaves it, the next run removes it (removeStaleTemps)
			Files.delete(probe);
		}
		catch (final IOException | SecurityException e) {
			throw new InpaintingException("Results cannot be written into " + dir + " (" + e.getClass()
				.getSimpleName() + ": " + e.getMessage() + ").");
		}
	}
}
