package org.misf.imagej;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileInfo;
import ij.process.ByteProcessor;

import org.misf.model.ModelPackage;

/**
 * What <em>MISF Inpaint</em> records of its inputs, as the command line's {@code NAME.json} does of its files: the
 * image's file and its sha256 (when the image is that file unchanged), the sha256 of the pixels the network was
 * given and of the holes as read, and where the holes came from. Pixels are hashed plane by plane in the order
 * inpainted, each value big-endian: 1 byte (8-bit), 2 (16-bit), 4 (32-bit float bits; RGB as 0x00RRGGBB).
 */
final class RunRecord {

	private final String input;
	private final String pixelsSha256;
	private final String holesFrom;
	private final String holesSha256;

	RunRecord(final String input, final String pixelsSha256, final String holesFrom, final List<ByteProcessor> holes) {
		this.input = input;
		this.pixelsSha256 = pixelsSha256;
		this.holesFrom = holesFrom;
		final MessageDigest d = sha256();
		for (final ByteProcessor h : holes)
			d.update((byte[]) h.getPixels());
		this.holesSha256 = hex(d.digest());
	}

	/** The part of the Info line: input, pixels, holes and where they came from. */
	String describe() {
		return "input " + input + ", pixels sha256 " + pixelsSha256 + "; holes from " + holesFrom + ", holes sha256 " +
			holesSha256;
	}

	/** An open image by title, with its file and the file's sha256 when it is that file unchanged. */
	static String source(final ImagePlus imp) {
		final String title = "'" + imp.getTitle() + "'";
		final FileInfo fi = imp.getOriginalFileInfo();
		final String path = fi == null ? null : fi.getFilePath();
		if (path == null || path.isEmpty() || imp.changes) return title + " (not as saved)";
		final Path file = Paths.get(path);
		if (!Files.isRegularFile(file)) return title + " (not as saved)";
		return title + " (file " + file.toAbsolutePath() + " sha256 " + ModelPackage.sha256(file) + ")";
	}

	/** The sha256 of the planes of {@code parts} (stack indices) as they are now. */
	static String pixels(final ImageStack stack, final List<int[]> parts) {
		final MessageDigest d = sha256();
		for (final int[] part : parts)
			for (final int index : part)
				d.update(bytes(stack.getPixels(index)));
		return hex(d.digest());
	}

	private static byte[] bytes(final Object pixels) {
		if (pixels instanceof byte[]) return (byte[]) pixels;
		if (pixels instanceof short[]) {
			final short[] p = (short[]) pixels;
			final ByteBuffer b = ByteBuffer.allocate(2 * p.length);
			b.asShortBuffer().put(p);
			return b.array();
		}
		if (pixels instanceof float[]) {
			final float[] p = (float[]) pixels;
			final ByteBuffer b = ByteBuffer.allocate(4 * p.length);
			for (final float v : p)
				b.putInt(Float.floatToRawIntBits(v));
			return b.array();
		}
		final int[] p = (int[]) pixels;
		final ByteBuffer b = ByteBuffer.allocate(4 * p.length);
		for (final int v : p)
			b.putInt(v & 0xffffff);
		return b.array();
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (final NoSuchAlgorithmException e) {
			throw new IllegalStateException(e); // every Java platform has SHA-256
		}
	}

	private static String hex(final byte[] digest) {
		final StringBuilder b = new StringBuilder();
		for (final byte x : digest)
			b.append(String.format("%02x", x & 0xff));
		return b.toString();
	}
}
