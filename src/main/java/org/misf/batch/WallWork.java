package org.misf.batch;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.zip.CRC32;

import org.misf.files.ProcessMark;
import org.misf.model.InpaintingException;

/**
 * What a wall streamed block by block has finished so far, kept in a hidden folder next to its output
 * ({@code .NAME.misf-work}) so that a run stopped in any way (Esc, kill -9, a full disk) is resumed by the next
 * one without redoing finished work. The rules of {@link ResultWriter}, for every file in it: written to a
 * temporary name ({@code .FILE.tmp-PID}), forced to the disk, read back whole and only then given its name,
 * never replacing one; each file ends with its CRC-32, so a file damaged later is taken for not done, and temporary
 * files of a run killed while writing are removed by the next. The folder
 * holds a key of what the work is for (input files, mask, model, settings): when it differs, the work is of
 * another job and starts again. One run at a time holds the folder (a lock the system releases when a process
 * dies); it is removed when the result and its record have their names.
 */
final class WallWork implements Closeable {

	private static final int MAGIC = 0x4d495346; // "MISF"

	private final Path dir;
	private final FileChannel lockChannel;
	private final FileLock lock;

	private WallWork(final Path dir, final FileChannel lockChannel, final FileLock lock) {
		this.dir = dir;
		this.lockChannel = lockChannel;
		this.lock = lock;
	}

	/** The work folder of {@code output}. */
	static Path folder(final Path output) {
		return output.toAbsolutePath().resolveSibling("." + output.getFileName() + ".misf-work");
	}

	/**
	 * The work of {@code output} for the job {@code key}, as another process of the run that holds it ({@link
	 * WallTask}): no lock taken, nothing removed; it reads the work and writes blocks' files.
	 *
	 * @throws InpaintingException when there is no such work, or it is for another key
	 */
	static WallWork attach(final Path output, final String key) throws IOException {
		final WallWork w = new WallWork(folder(output), null, null);
		if (!Arrays.equals(key.getBytes(StandardCharsets.UTF_8), w.read("key"))) throw new InpaintingException(
			"the work folder " + w.dir + " is not (or no longer) this wall's work.");
		return w;
	}

	/**
	 * Opens (or starts) the work of {@code output} for the job {@code key}; work made for another key is removed
	 * first. Throws when another run holds it.
	 */
	static WallWork open(final Path output, final String key) throws IOException {
		final Path dir = folder(output);
		Files.createDirectories(dir);
		final FileChannel ch = FileChannel.open(dir.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
		FileLock l = null;
		try {
			l = ch.tryLock();
		}
		catch (final OverlappingFileLockException e) {
			// this process holds it already
		}
		if (l == null) {
			ch.close();
			throw new InpaintingException("another run is working on this wall (" + dir + "); it was left to that run.");
		}
		final WallWork w = new WallWork(dir, ch, l);
		w.removeTemps();
		final byte[] k = key.getBytes(StandardCharsets.UTF_8);
		if (!Arrays.equals(k, w.read("key"))) {
			w.clear();
			w.write("key", k);
		}
		return w;
	}

	Path dir() { return dir; }

	/** The content of work file {@code name}, or null when it is not there whole. */
	byte[] read(final String name) throws IOException {
		final byte[] all;
		try {
			all = Files.readAllBytes(dir.resolve(name));
		}
		catch (final NoSuchFileException e) {
			return null;
		}
		if (all.length < 8) return null;
		final ByteBuffer tail = ByteBuffer.wrap(all, all.length - 8, 8).order(ByteOrder.LITTLE_ENDIAN);
		final int crc = tail.getInt(), magic = tail.getInt();
		final CRC32 c = new CRC32();
		c.update(all, 0, all.length - 8);
		if (magic != MAGIC || crc != (int) c.getValue()) return null;
		return Arrays.copyOf(all, all.length - 8);
	}

	/** Whether work file {@code name} is there whole. */
	boolean has(final String name) throws IOException {
		return read(name) != null;
	}

	/**
	 * Writes work file {@code name} whole or not at all; a damaged file of that name is replaced, a whole one
	 * (another run's, the same work) is kept.
	 */
	void write(final String name, final byte[] content) throws IOException {
		final Path target = dir.resolve(name);
		final Path tmp = dir.resolve("." + name + ".tmp-" + ProcessMark.mine());
		final CRC32 c = new CRC32();
		c.update(content);
		final ByteBuffer tail = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt((int) c.getValue())
			.putInt(MAGIC);
		try {
			try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
				final ByteBuffer body = ByteBuffer.wrap(content);
				while (body.hasRemaining())
					out.write(body);
				tail.flip();
				while (tail.hasRemaining())
					out.write(tail);
				out.force(true);
			}
			final byte[] back = Files.readAllBytes(tmp);
			if (back.length != content.length + 8 || !Arrays.equals(content, Arrays.copyOf(back, content.length)))
				throw new IOException("the work file " + name + " could not be written whole (is the disk full?).");
			if (Files.exists(target) && read(name) == null) Files.delete(target); // damaged: redo
			try {
				Files.createLink(target, tmp);
			}
			catch (final FileAlreadyExistsException e) {
				// a whole copy is there already
			}
			catch (final UnsupportedOperationException | IOException e) {
				if (!Files.exists(target)) Files.move(tmp, target);
			}
		}
		finally {
			Files.deleteIfExists(tmp);
		}
	}

	/** Removes temporary files: of runs killed during a write (while this run holds the folder, no other writes). */
	private void removeTemps() throws IOException {
		try (var files = Files.newDirectoryStream(dir, ".*.tmp-*")) {
			for (final Path p : files)
				Files.deleteIfExists(p);
		}
	}

	/** Removes every work file (another job's work, or the finished job's). */
	private void clear() throws IOException {
		try (var files = Files.newDirectoryStream(dir)) {
			for (final Path p : files)
				if (!p.getFileName().toString().equals("lock")) Files.deleteIfExists(p);
		}
	}

	/** Removes the work folder: the result and its record have their names. */
	void delete() throws IOException {
		clear();
		close();
		Files.deleteIfExists(dir.resolve("lock"));
		Files.deleteIfExists(dir);
	}

	@Override
	public void close() throws IOException {
		if (lock == null) return; // attached: nothing held
		if (lock.isValid()) lock.release();
		lockChannel.close();
	}
}
