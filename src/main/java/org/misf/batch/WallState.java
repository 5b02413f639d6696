package org.misf.batch;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import net.imglib2.FinalInterval;

import org.misf.core.CoarseFill;
import org.misf.core.HoleRegion;

/**
 * The first results of a wall that every block needs, as bytes for its work folder ({@link WallWork}) or for
 * another process: the holes found in the mask (from which any process makes the same {@code BlockPlan}) and the
 * coarse fills of huge holes.
 */
final class WallState {

	static final String HOLES = "holes", COARSE = "coarse";

	private WallState() {}

	static byte[] holes(final List<HoleRegion> holes) throws IOException {
		final ByteArrayOutputStream bytes = new ByteArrayOutputStream(8 + holes.size() * 40);
		try (DataOutputStream out = new DataOutputStream(bytes)) {
			out.writeInt(holes.size());
			for (final HoleRegion h : holes) {
				final FinalInterval b = h.box();
				out.writeLong(b.min(0));
				out.writeLong(b.min(1));
				out.writeLong(b.max(0));
				out.writeLong(b.max(1));
				out.writeLong(h.pixels());
			}
		}
		return bytes.toByteArray();
	}

	static List<HoleRegion> holes(final byte[] data) throws IOException {
		try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
			final int n = in.readInt();
			final List<HoleRegion> out = new ArrayList<>(n);
			for (int i = 0; i < n; i++) {
				final long x0 = in.readLong(), y0 = in.readLong(), x1 = in.readLong(), y1 = in.readLong();
				out.add(new HoleRegion(new FinalInterval(new long[] { x0, y0 }, new long[] { x1, y1 }), in.readLong()));
			}
			return out;
		}
	}

	static byte[] coarse(final List<CoarseFill> fills) throws IOException {
		final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (DataOutputStream out = new DataOutputStream(bytes)) {
			out.writeInt(fills.size());
			for (final CoarseFill f : fills) {
				out.writeInt(f.index);
				for (final long v : f.region)
					out.writeLong(v);
				floats(out, f.image);
				floats(out, f.mask);
			}
		}
		return bytes.toByteArray();
	}

	static List<CoarseFill> coarse(final byte[] data) throws IOException {
		try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
			final int n = in.readInt();
			final List<CoarseFill> out = new ArrayList<>(n);
			for (int i = 0; i < n; i++) {
				final int index = in.readInt();
				final long[] region = new long[4];
				for (int d = 0; d < 4; d++)
					region[d] = in.readLong();
				out.add(new CoarseFill(index, region, floats(in), floats(in)));
			}
			return out;
		}
	}

	private static void floats(final DataOutputStream out, final float[] v) throws IOException {
		out.writeInt(v.length);
		for (final float f : v)
			out.writeFloat(f);
	}

	private static float[] floats(final DataInputStream in) throws IOException {
		final float[] v = new float[in.readInt()];
		for (int i = 0; i < v.length; i++)
			v[i] = in.readFloat();
		return v;
	}
}
