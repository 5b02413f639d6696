package org.misf.checkpoint;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Writes float32 arrays as NumPy {@code .npy} files (format 1.0, little-endian, C order). */
final class NpyWriter {

	private NpyWriter() {}

	static void write(final Path file, final long[] shape, final float[] data) throws IOException {
		final String dims = Arrays.stream(shape).mapToObj(Long::toString).collect(Collectors.joining(", "));
		final StringBuilder header = new StringBuilder("{'descr': '<f4', 'fortran_order': False, 'shape': (")
			.append(dims).append(shape.length == 1 ? ",), }" : "), }");
		while ((10 + header.length() + 1) % 64 != 0)
			header.append(' ');
		header.append('\n');
		final ByteBuffer body = ByteBuffer.allocate(data.length * 4).order(ByteOrder.LITTLE_ENDIAN);
		body.asFloatBuffer().put(data);
		try (OutputStream raw = Files.newOutputStream(file); DataOutputStream out = new DataOutputStream(raw)) {
			out.write(new byte[] { (byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0 });
			out.write(header.length() & 0xff);
			out.write(header.length() >> 8);
			out.write(header.toString().getBytes(StandardCharsets.US_ASCII));
			out.write(body.array());
		}
	}
}
