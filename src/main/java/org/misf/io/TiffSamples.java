package org.misf.io;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;

/**
 * The samples per pixel of a TIFF's first page, read from its header (tag 277), without decoding it. ImageJ reads
 * a page of 1 or 3 samples faithfully; with 2, 4 (RGB + alpha, CMYK) or more it keeps some of them and drops the
 * rest without a word, so such files are refused before any work.
 */
final class TiffSamples {

	private static final int SAMPLES_PER_PIXEL = 277;

	private TiffSamples() {}

	/** Samples per pixel of the first page; 1 when the tag is absent; -1 when the file is not a readable TIFF. */
	static int of(final Path file) {
		try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
			final int b0 = f.read(), b1 = f.read();
			final boolean little;
			if (b0 == 'I' && b1 == 'I') little = true;
			else if (b0 == 'M' && b1 == 'M') little = false;
			else return -1;
			if (u16(f, little) != 42) return -1; // BigTIFF (43) and others: left to ImageJ
			final long ifd = u32(f, little);
			if (ifd < 8 || ifd >= f.length()) return -1;
			f.seek(ifd);
			final int entries = u16(f, little);
			for (int i = 0; i < entries; i++) {
				final int tag = u16(f, little), type = u16(f, little);
				u32(f, little); // count
				final long value;
				if (type == 3) { // SHORT: the first two of the four value bytes
					value = u16(f, little);
					u16(f, little);
				}
				else value = u32(f, little);
				if (tag == SAMPLES_PER_PIXEL) return (int) value;
			}
			return 1;
		}
		catch (final IOException e) {
			return -1;
		}
	}

	private static int u16(final RandomAccessFile f, final boolean little) throws IOException {
		final int a = f.read(), b = f.read();
		if ((a | b) < 0) throw new IOException("truncated");
		return little ? a | b << 8 : a << 8 | b;
	}

	private static long u32(final RandomAccessFile f, final boolean little) throws IOException {
		final long a = u16(f, little), b = u16(f, little);
		return little ? a | b << 16 : a << 16 | b;
	}
}
