package org.misf.batch;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * The hole pixels one block of a wall filled, as runs along rows (y, first x, length) with their final sample
 * values (8 or 16 bits, 1 or 3 channels), and the box they lie in. What a block's runner hands to the writer of the
 * output, through a file ({@link WallWork}), so any process can compute a block and any other can write it.
 * Pixels must arrive row by row within a run ({@link Builder#add}), as a window's owned hole pixels do.
 */
final class BlockPatch {

	private static final int VERSION = 1;

	final int samples, bits;
	/** Windows the block ran. */
	final int windows;
	final long minX, minY, maxX, maxY;
	private final long[] ys, x0s;
	private final int[] lengths;
	private final int[] values; // samples per pixel, run after run
	private final int runs;

	private BlockPatch(final Builder b) {
		samples = b.samples;
		bits = b.bits;
		windows = b.windows;
		runs = b.runs;
		ys = b.ys;
		x0s = b.x0s;
		lengths = b.lengths;
		values = b.values;
		minX = b.minX;
		minY = b.minY;
		maxX = b.maxX;
		maxY = b.maxY;
	}

	/** Pixels in the patch. */
	long pixels() {
		long n = 0;
		for (int r = 0; r < runs; r++)
			n += lengths[r];
		return n;
	}

	boolean isEmpty() { return runs == 0; }

	/** Collects pixels in the order they come. */
	static final class Builder {

		final int samples, bits;
		int windows, runs;
		long[] ys = new long[16], x0s = new long[16];
		int[] lengths = new int[16];
		int[] values = new int[64];
		int nValues;
		long minX = Long.MAX_VALUE, minY = Long.MAX_VALUE, maxX = Long.MIN_VALUE, maxY = Long.MIN_VALUE;

		Builder(final int samples, final int bits) {
			this.samples = samples;
			this.bits = bits;
		}

		/** Pixel (x, y) gets {@code sample[c]} in channel c. */
		void add(final long x, final long y, final int[] sample) {
			if (runs > 0 && ys[runs - 1] == y && x0s[runs - 1] + lengths[runs - 1] == x) lengths[runs - 1]++;
			else {
				if (runs == ys.length) {
					ys = Arrays.copyOf(ys, runs * 2);
					x0s = Arrays.copyOf(x0s, runs * 2);
					lengths = Arrays.copyOf(lengths, runs * 2);
				}
				ys[runs] = y;
				x0s[runs] = x;
				lengths[runs++] = 1;
			}
			if (nValues + samples > values.length) values = Arrays.copyOf(values, values.length * 2);
			for (int c = 0; c < samples; c++)
				values[nValues++] = sample[c];
			minX = Math.min(minX, x);
			maxX = Math.max(maxX, x);
			minY = Math.min(minY, y);
			maxY = Math.max(maxY, y);
		}

		BlockPatch build() {
			values = Arrays.copyOf(values, nValues);
			return new BlockPatch(this);
		}
	}

	/** Writes the patch's pixels that lie in {@code band} into it. */
	void applyTo(final WallBand band) {
		int v = 0;
		for (int r = 0; r < runs; r++) {
			final long y = ys[r];
			if (y >= band.y0 && y < band.y0 + band.rows) {
				final long row = (y - band.y0) * band.width;
				for (int i = 0; i < lengths[r]; i++)
					for (int c = 0; c < samples; c++)
						band.set(c, (int) (row + x0s[r] + i), values[v + i * samples + c]);
			}
			v += lengths[r] * samples;
		}
	}

	byte[] encode() {
		final ByteArrayOutputStream bytes = new ByteArrayOutputStream(32 + runs * 20 + values.length * bits / 8);
		try (DataOutputStream out = new DataOutputStream(bytes)) {
			out.writeInt(VERSION);
			out.writeInt(samples);
			out.writeInt(bits);
			out.writeInt(windows);
			out.writeInt(runs);
			for (int r = 0; r < runs; r++) {
				out.writeLong(ys[r]);
				out.writeLong(x0s[r]);
				out.writeInt(lengths[r]);
			}
			for (final int s : values)
				if (bits == 8) out.writeByte(s);
				else out.writeShort(s);
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e);
		}
		return bytes.toByteArray();
	}

	static BlockPatch decode(final byte[] data) throws IOException {
		try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(data))) {
			if (in.readInt() != VERSION) throw new IOException("a block patch of another version");
			final Builder b = new Builder(in.readInt(), in.readInt());
			b.windows = in.readInt();
			final int runs = in.readInt();
			final long[] ys = new long[runs], x0s = new long[runs];
			final int[] lengths = new int[runs];
			for (int r = 0; r < runs; r++) {
				ys[r] = in.readLong();
				x0s[r] = in.readLong();
				lengths[r] = in.readInt();
			}
			final int[] sample = new int[b.samples];
			for (int r = 0; r < runs; r++)
				for (int i = 0; i < lengths[r]; i++) {
					for (int c = 0; c < b.samples; c++)
						sample[c] = b.bits == 8 ? in.readUnsignedByte() : in.readUnsignedShort();
					b.add(x0s[r] + i, ys[r], sample);
				}
			return b.build();
		}
	}
}
