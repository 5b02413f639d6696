package org.misf.model;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A float32 array read from a NumPy {@code .npy} file (C order, little-endian {@code <f4}). */
public final class Npy {

	private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

	private final long[] shape;
	private final float[] data;

	private Npy(final long[] shape, final float[] data) {
		this.shape = shape;
		this.data = data;
	}

	/** Reads a float32 .npy file; anything else is an {@link InpaintingException}. */
	public static Npy read(final Path file) {
		try {
			final ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
			final byte[] magic = new byte[6];
			b.get(magic);
			if (!"\u0093NUMPY".equals(new String(magic, StandardCharsets.ISO_8859_1)))
				throw new InpaintingException("The file " + file + " is not a NumPy .npy file.");
			final int major = b.get();
			b.get();
			final int headerLength = major == 1 ? Short.toUnsignedInt(b.getShort()) : b.getInt();
			final byte[] h = new byte[headerLength];
			b.get(h);
			final String header = new String(h, StandardCharsets.ISO_8859_1);
			if (!header.contains("'<f4'") || header.contains("'fortran_order': True"))
				throw new InpaintingException("The file " + file + " is not a C-ordered float32 array.");
			final Matcher m = SHAPE.matcher(header);
			if (!m.find()) throw new InpaintingException("The file " + file + " has no shape in its header.");
			final String[] parts = m.group(1).split(",");
			int n = 0;
			for (final String p : parts)
				if (!p.trim().isEmpty()) n++;
			final long[] shape = new long[n];
			long count = 1;
			int i = 0;
			for (final String p : parts)
				if (!p.trim().isEmpty()) count *= shape[i++] = Long.parseLong(p.trim());
			if (b.remaining() != count * 4)
				throw new InpaintingException("The file " + file + " is truncated or has extra data.");
			final float[] data = new float[(int) count];
			b.asFloatBuffer().get(data);
			return new Npy(shape, data);
		}
		catch (final IOException | RuntimeException e) {
			if (e instanceof InpaintingException) throw (InpaintingException) e;
			throw new InpaintingException("The file " + file + " could not be read as a .npy array (" + e + ").", e);
		}
	}

	public long[] shape() { return shape.clone(); }

	public float[] data() { return data; }
}
