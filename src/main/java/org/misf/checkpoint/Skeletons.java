package org.misf.checkpoint;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Zero-weight TorchScript skeletons of {@code InpaintingModel(MISFGenerator(width, blocks))}, shipped
 * gzipped as resources {@code org/misf/checkpoint/skeletons/misf-w<width>-b<blocks>.pt.gz} (made by
 * training/make_skeleton.py). The jar ships widths 64 (the authors' release) and 16 (this project's).
 */
final class Skeletons {

	static final String RESOURCE_DIR = "/org/misf/checkpoint/skeletons/";

	/** The unpacked skeleton is never larger than this (width 64 is 92 MB). */
	private static final long MAX_BYTES = 1L << 30;

	private Skeletons() {}

	static String resourceName(final MisfArchitecture a) {
		return RESOURCE_DIR + "misf-w" + a.width() + "-b" + a.residualBlocks() + ".pt.gz";
	}

	static boolean available(final MisfArchitecture a) {
		return Skeletons.class.getResource(resourceName(a)) != null;
	}

	/** Writes the skeleton of {@code a} as {@code target} (a TorchScript zip). */
	static void unpack(final MisfArchitecture a, final Path target) throws IOException {
		try (InputStream raw = Skeletons.class.getResourceAsStream(resourceName(a))) {
			if (raw == null)
				throw new CheckpointException("This build cannot import " + a + " checkpoints (no skeleton for it); " +
					"it imports width 64 (the authors' release), 32 and 16.");
			try (InputStream in = new GZIPInputStream(raw, 1 << 16);
				OutputStream out = Files.newOutputStream(target))
			{
				final byte[] buf = new byte[1 << 20];
				long total = 0;
				for (int n; (n = in.read(buf)) > 0;) {
					total += n;
					if (total > MAX_BYTES) throw new IOException("the skeleton resource is corrupt (too large)");
					out.write(buf, 0, n);
				}
			}
		}
	}
}
