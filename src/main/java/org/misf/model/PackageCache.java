package org.misf.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.misf.files.ProcessMark;
import org.misf.files.StaleWork;

/**
 * The folder where zipped packages and the package inside the jar are extracted, once each. An extraction
 * goes to a temporary folder named with the process id, then moves in one step; temporary folders of processes
 * that no longer run (killed mid-extraction) are removed. A zip is extracted only within bounds: at most
 * {@link #MAX_BYTES} in all and {@link #MAX_RATIO} times the zip's size, by the sizes its entries declare and by
 * the bytes actually written, so a small zip that unpacks to gigabytes stops early and leaves nothing behind.
 */
final class PackageCache {

	/** Most bytes a package may unpack to (the authors' width-64 model is about 70 MB). */
	static final long MAX_BYTES = 1L << 30;

	/** Most a package may grow by unpacking (TorchScript weights hardly compress). */
	static final long MAX_RATIO = 20;

	private static final Pattern TEMP = Pattern.compile("^.+\\.tmp-(" + ProcessMark.REGEX + ")-\\d+$");

	private PackageCache() {}

	/** The cache folder (-Dmisf.cache, else ~/.cache/misf, else the temporary folder), cleaned of stale parts. */
	static Path root() {
		final String prop = System.getProperty("misf.cache");
		final List<Path> candidates = new ArrayList<>();
		if (prop != null) candidates.add(Paths.get(prop));
		candidates.add(Paths.get(System.getProperty("user.home"), ".cache", "misf"));
		candidates.add(Paths.get(System.getProperty("java.io.tmpdir"), "misf-cache-" + System.getProperty(
			"user.name")));
		for (final Path p : candidates) {
			try {
				Files.createDirectories(p);
				if (Files.isWritable(p)) {
					removeStale(p);
					return p;
				}
			}
			catch (final IOException | SecurityException e) {
				// try the next one
			}
		}
		throw new InpaintingException("No writable cache folder for model packages (set -Dmisf.cache=...).");
	}

	/** Removes temporary extraction folders of processes that no longer run; returns how many. */
	static int removeStale(final Path root) {
		return StaleWork.remove(root, "*.tmp-*", TEMP);
	}

	/** Extracts a zipped package, once per sha256 of the zip; returns the folder with model.yaml. */
	static Path extractZip(final Path zip) {
		final Path target = root().resolve("zip-" + PackageTrust.sha256(zip).substring(0, 16));
		if (!Files.isDirectory(target)) {
			publish(target, tmp -> {
				final long limit;
				try {
					limit = Math.min(MAX_BYTES, MAX_RATIO * Files.size(zip) + (1 << 20));
				}
				catch (final IOException e) {
					throw new InpaintingException("The zip " + zip + " cannot be read (" + e.getMessage() + ").", e);
				}
				long written = 0;
				try (ZipFile z = new ZipFile(zip.toFile())) {
					final Enumeration<? extends ZipEntry> en = z.entries();
					while (en.hasMoreElements()) {
						final ZipEntry e = en.nextElement();
						final Path out = tmp.resolve(e.getName()).normalize();
						if (!out.startsWith(tmp)) throw new InpaintingException("The zip " + zip +
							" has an entry outside its folder (" + e.getName() + ").");
						if (e.getSize() > limit) throw new InpaintingException("The zip " + zip + " declares an entry of " + (e
							.getSize() >> 20) + " MB (" + e.getName() + "), more than any model package needs; it was not extracted.");
						if (e.isDirectory()) Files.createDirectories(out);
						else {
							Files.createDirectories(out.getParent());
							try (InputStream in = z.getInputStream(e); OutputStream os = Files.newOutputStream(out)) {
								written = copyBounded(in, os, written, limit, zip);
							}
						}
					}
				}
				catch (final java.util.zip.ZipException e) {
					throw new InpaintingException("The model package " + zip + " is not a valid zip file (" + e
						.getMessage() + ").", e);
				}
			});
		}
		if (Files.isRegularFile(target.resolve("model.yaml"))) return target;
		try (Stream<Path> s = Files.list(target)) {
			final List<Path> dirs = new ArrayList<>();
			s.filter(p -> Files.isRegularFile(p.resolve("model.yaml"))).forEach(dirs::add);
			if (dirs.size() == 1) return dirs.get(0);
		}
		catch (final IOException e) {
			// fall through
		}
		throw new InpaintingException("The zip " + zip + " holds no model.yaml (at its top or in one folder).");
	}

	/** Copies until {@code limit} bytes have been written in all; returns the new total. */
	private static long copyBounded(final InputStream in, final OutputStream out, final long before, final long limit,
		final Path zip) throws IOException
	{
		final byte[] buf = new byte[1 << 16];
		long total = before;
		int n;
		while ((n = in.read(buf)) > 0) {
			total += n;
			if (total > limit) throw new InpaintingException("The zip " + zip + " unpacks to more than " + (limit >> 20) +
				" MB (" + MAX_RATIO + " times its size, at most " + (MAX_BYTES >> 20) +
				" MB), which no model package needs; it was not extracted.");
			out.write(buf, 0, n);
		}
		return total;
	}

	interface Filler {

		void fill(Path folder) throws IOException;
	}

	/** Fills a fresh temporary folder and moves it to {@code target} in one step (another process may win). */
	static Path publish(final Path target, final Filler filler) {
		Path tmp = null;
		try {
			tmp = Files.createDirectory(target.resolveSibling(target.getFileName() + ".tmp-" + ProcessMark.mine() + "-" +
				System.nanoTime()));
			filler.fill(tmp);
			try {
				Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
			}
			catch (final AtomicMoveNotSupportedException e) {
				Files.move(tmp, target);
			}
			tmp = null;
		}
		catch (final FileAlreadyExistsException | DirectoryNotEmptyException e) {
			// another process extracted it first
		}
		catch (final IOException e) {
			throw new InpaintingException("The model package could not be extracted to " + target + " (" + e + ").", e);
		}
		finally {
			if (tmp != null) StaleWork.deleteTree(tmp);
		}
		return target;
	}
}
