package org.misf.checkpoint;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * A PyTorch checkpoint in the zip format of {@code torch.save} (torch >= 1.6): {@code <archive>/data.pkl}
 * plus one little-endian entry {@code <archive>/data/<key>} per storage. Holds either the MISF release
 * format {@code {'iteration': int, 'generator': OrderedDict(name -> tensor)}} or a bare state dict.
 * <p>
 * Opening checks the whole file before any weight is read: the zip (entry count, sizes, compression
 * ratio), the pickle (through {@link RestrictedUnpickler}, which refuses anything but tensors), and that
 * every storage entry exists with exactly its declared size. Values are read tensor by tensor with
 * {@link #readFloats(StoredTensor)}, never more bytes than declared.
 */
public final class TorchCheckpoint implements AutoCloseable {

	static final int MAX_ENTRIES = 10_000;
	static final long MAX_PICKLE_BYTES = 16L << 20;
	static final long MAX_TOTAL_BYTES = 4L << 30;
	/** Deflated entries inflating more than this are taken for zip bombs (torch.save stores, never deflates). */
	static final long MAX_COMPRESSION_RATIO = 100;

	private static final byte[] ZIP_MAGIC = { 'P', 'K', 3, 4 };

	private final String fileName;
	private final ZipFile zip;
	private final String prefix;
	private final Map<String, StoredTensor> stateDict;
	private final OptionalLong iteration;

	private TorchCheckpoint(final String fileName, final ZipFile zip, final String prefix,
		final Map<String, StoredTensor> stateDict, final OptionalLong iteration)
	{
		this.fileName = fileName;
		this.zip = zip;
		this.prefix = prefix;
		this.stateDict = Collections.unmodifiableMap(stateDict);
		this.iteration = iteration;
	}

	/** Opens and checks {@code file}; throws {@link CheckpointException} with one sentence when it cannot be used. */
	public static TorchCheckpoint open(final Path file) {
		final String name = String.valueOf(file.getFileName());
		if (!Files.isRegularFile(file)) throw new CheckpointException("There is no checkpoint file at " + file + ".");
		requireZipFormat(file, name);
		final ZipFile zip;
		try {
			zip = new ZipFile(file.toFile());
		}
		catch (final ZipException e) {
			throw new CheckpointException(name + " is truncated or damaged (its zip directory cannot be read); " +
				"download it again.", e);
		}
		catch (final IOException e) {
			throw new CheckpointException("Cannot read " + name + ": " + e.getMessage(), e);
		}
		try {
			return read(name, zip);
		}
		catch (final RuntimeException e) {
			closeQuietly(zip);
			throw e;
		}
	}

	/** The generator's tensors by state-dict key, in file order. */
	public Map<String, StoredTensor> stateDict() {
		return stateDict;
	}

	/** The training iteration of a release-format checkpoint; empty for a bare state dict. */
	public OptionalLong iteration() {
		return iteration;
	}

	/** The values of {@code tensor} in row-major order, as float32. */
	public float[] readFloats(final StoredTensor tensor) {
		if (!tensor.type().isFloatingPoint())
			throw new CheckpointException("A tensor of " + fileName + " is " + tensor.type().dtype() + ", not float.");
		final ByteBuffer storage = ByteBuffer.wrap(readStorage(tensor.storage)).order(ByteOrder.LITTLE_ENDIAN);
		final float[] out = new float[Math.toIntExact(tensor.elementCount())];
		if (tensor.type() == StorageType.FLOAT && tensor.isContiguous()) {
			storage.position(Math.toIntExact(tensor.offset * 4));
			storage.asFloatBuffer().get(out);
			return out;
		}
		final long[] shape = tensor.shape();
		final long[] stride = tensor.stride();
		final long[] index = new long[shape.length];
		for (int i = 0; i < out.length; i++) {
			long at = tensor.offset;
			for (int d = 0; d < shape.length; d++)
				at += index[d] * stride[d];
			out[i] = tensor.type().readFloat(storage, at);
			for (int d = shape.length - 1; d >= 0; d--) {
				if (++index[d] < shape[d]) break;
				index[d] = 0;
			}
		}
		return out;
	}

	@Override
	public void close() {
		closeQuietly(zip);
	}

	private static void requireZipFormat(final Path file, final String name) {
		final byte[] head = new byte[262];
		int n;
		try (InputStream in = Files.newInputStream(file)) {
			n = in.readNBytes(head, 0, head.length);
		}
		catch (final IOException e) {
			throw new CheckpointException("Cannot read " + name + ": " + e.getMessage(), e);
		}
		if (n >= 4 && head[0] == ZIP_MAGIC[0] && head[1] == ZIP_MAGIC[1] && head[2] == ZIP_MAGIC[2] &&
			head[3] == ZIP_MAGIC[3]) return;
		final boolean pickle = n >= 2 && (head[0] & 0xff) == 0x80;
		final boolean tar = n >= 262 && new String(head, 257, 5, StandardCharsets.US_ASCII).equals("ustar");
		if (pickle || tar)
			throw new CheckpointException(name + " is in PyTorch's legacy (pre-1.6) format; re-save it with " +
				"torch >= 1.6: torch.save(torch.load('" + name + "'), 'resaved.pth').");
		throw new CheckpointException(name + " is not a PyTorch checkpoint (not a zip archive).");
	}

	private static TorchCheckpoint read(final String name, final ZipFile zip) {
		final Map<String, ZipEntry> entries = checkEntries(name, zip);
		String prefix = null;
		for (final String entryName : entries.keySet()) {
			if (entryName.endsWith("/data.pkl") && entryName.indexOf('/') == entryName.length() - 9) {
				if (prefix != null) throw new CheckpointException(name + " holds more than one data.pkl; refusing it.");
				prefix = entryName.substring(0, entryName.length() - 8);
			}
		}
		if (prefix == null) throw new CheckpointException(name + " is a zip but not a PyTorch checkpoint (no data.pkl).");
		final ZipEntry byteOrder = entries.get(prefix + "byteorder");
		if (byteOrder != null && (byteOrder.getSize() > 16 || !"little".equals(new String(readEntry(name, zip,
			byteOrder, byteOrder.getSize()), StandardCharsets.US_ASCII).trim())))
			throw new CheckpointException(name + " was saved on a big-endian machine; re-save it on a usual (little-endian) one.");

		final RestrictedUnpickler unpickler = new RestrictedUnpickler();
		final ZipEntry pickleEntry = entries.get(prefix + "data.pkl");
		if (pickleEntry.getSize() > MAX_PICKLE_BYTES)
			throw new CheckpointException(name + " has a data.pkl of " + pickleEntry.getSize() + " bytes, far too big for a state dict.");
		final Object root = unpickler.unpickle(readEntry(name, zip, pickleEntry, pickleEntry.getSize()));

		for (final StorageRef s : unpickler.storages().values()) {
			final ZipEntry e = entries.get(prefix + "data/" + s.key);
			if (e == null) throw new CheckpointException(name + " lacks the data of storage " + s.key + " (damaged file).");
			if (e.getSize() != s.byteCount())
				throw new CheckpointException(name + " holds " + e.getSize() + " bytes for storage " + s.key + " but declares " +
					s.byteCount() + " (damaged file).");
		}
		return new TorchCheckpoint(name, zip, prefix, stateDictOf(name, root), iterationOf(root));
	}

	private static Map<String, ZipEntry> checkEntries(final String name, final ZipFile zip) {
		if (zip.size() > MAX_ENTRIES)
			throw new CheckpointException(name + " holds " + zip.size() + " entries, far too many for a checkpoint.");
		final Map<String, ZipEntry> entries = new HashMap<>();
		long total = 0;
		final Enumeration<? extends ZipEntry> all = zip.entries();
		while (all.hasMoreElements()) {
			final ZipEntry e = all.nextElement();
			final long size = e.getSize();
			if (size < 0) throw new CheckpointException(name + " has an entry of unknown size (damaged file).");
			total += size;
			if (total > MAX_TOTAL_BYTES)
				throw new CheckpointException(name + " would unpack to more than " + (MAX_TOTAL_BYTES >> 30) +
					" GiB, far more than a MISF checkpoint.");
			if (e.getMethod() != ZipEntry.STORED && size > 1024 &&
				size > MAX_COMPRESSION_RATIO * Math.max(1, e.getCompressedSize()))
				throw new CheckpointException(name + " has an entry that inflates " + size / Math.max(1, e.getCompressedSize()) +
					" times (a zip bomb?); refusing it.");
			entries.put(e.getName(), e);
		}
		return entries;
	}

	private static Map<String, StoredTensor> stateDictOf(final String name, final Object root) {
		if (!(root instanceof Map))
			throw new CheckpointException(name + " holds no state dict (its top level is not a dict).");
		final Map<?, ?> top = (Map<?, ?>) root;
		final Object generator = top.get("generator");
		if (generator != null) {
			final Map<String, StoredTensor> tensors = generator instanceof Map ? RestrictedUnpickler.tensorsOf(
				(Map<?, ?>) generator) : null;
			if (tensors == null)
				throw new CheckpointException(name + " has a 'generator' entry that is not a state dict of tensors.");
			return tensors;
		}
		final Map<String, StoredTensor> bare = RestrictedUnpickler.tensorsOf(top);
		if (bare == null || bare.isEmpty()) {
			final List<String> keys = new ArrayList<>();
			for (final Object k : top.keySet())
				keys.add(String.valueOf(k));
			throw new CheckpointException(name + " holds neither a 'generator' state dict nor a bare state dict (top-level keys: " +
				String.join(", ", keys.subList(0, Math.min(10, keys.size()))) + ").");
		}
		return bare;
	}

	private static OptionalLong iterationOf(final Object root) {
		final Object it = ((Map<?, ?>) root).get("iteration");
		return it instanceof Number ? OptionalLong.of(((Number) it).longValue()) : OptionalLong.empty();
	}

	private byte[] readStorage(final StorageRef storage) {
		final ZipEntry entry = zip.getEntry(prefix + "data/" + storage.key);
		return readEntry(fileName, zip, entry, storage.byteCount());
	}

	/** Reads exactly {@code expected} bytes of {@code entry}; anything shorter or longer is an error. */
	private static byte[] readEntry(final String name, final ZipFile zip, final ZipEntry entry, final long expected) {
		try (InputStream in = zip.getInputStream(entry)) {
			final byte[] data = in.readNBytes(Math.toIntExact(expected));
			if (data.length != expected || entry.getSize() == expected && in.read() != -1)
				throw new CheckpointException(name + " has a damaged entry " + entry.getName() + " (wrong length).");
			return data;
		}
		catch (final IOException e) {
			throw new CheckpointException(name + " is damaged (" + entry.getName() + ": " + e.getMessage() + ").", e);
		}
	}

	private static void closeQuietly(final ZipFile zip) {
		try {
			zip.close();
		}
		catch (final IOException e) {
			// nothing was written; a failed close of a read-only file loses nothing
		}
	}
}
