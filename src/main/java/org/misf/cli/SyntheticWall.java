package org.misf.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Random;

import org.misf.io.TiledTiffLayout;
import org.misf.io.TiledTiffWriter;

/** Synthetic walls for the benches: 8-bit tiled TIFFs of smooth relief and grain, and masks of small spots. */
public final class SyntheticWall {

	private SyntheticWall() {}

	/** {@code n} spots ({x, y, width, height} of inscribed ellipses, 3-17 px) on a wall of {@code side}, by seed n. */
	public static int[][] spots(final int side, final int n) {
		final Random r = new Random(n);
		final int[][] ovals = new int[n][];
		for (int i = 0; i < n; i++)
			ovals[i] = new int[] { r.nextInt(side - 20), r.nextInt(side - 20), 3 + r.nextInt(15), 3 + r.nextInt(15) };
		return ovals;
	}

	/** A synthetic wall's sample: smooth relief and grain, the same for the TIFF and the PNG. */
	public static int pixel(final int x, final int y, final int c) {
		final int grain = (x * 73856093 ^ y * 19349663) >>> 27;
		return Math.max(0, Math.min(255, (int) (120 + 50 * Math.sin(x / 300.0) * Math.cos(y / 230.0)) + grain - c * 20));
	}

	/** A mask of {@code ovals} ({x, y, width, height}, inscribed ellipses) as a tiled, compressed TIFF. */
	public static void writeMask(final Path file, final int side, final int[][] ovals) throws IOException {
		final TiledTiffLayout layout = TiledTiffLayout.of(side, side, 1, 8, true);
		final int t = layout.tileSide();
		try (TiledTiffWriter w = new TiledTiffWriter(file, layout)) {
			for (int ty = 0; ty < layout.tilesDown(); ty++)
				for (int tx = 0; tx < layout.tilesAcross(); tx++) {
					final byte[] b = new byte[t * t];
					for (final int[] o : ovals)
						for (int y = Math.max(o[1], ty * t); y < Math.min(o[1] + o[3], ty * t + t); y++)
							for (int x = Math.max(o[0], tx * t); x < Math.min(o[0] + o[2], tx * t + t); x++) {
								final double u = (x + 0.5 - o[0] - o[2] / 2.0) / (o[2] / 2.0), v = (y + 0.5 - o[1] - o[3] / 2.0) /
									(o[3] / 2.0);
								if (u * u + v * v <= 1) b[(y - ty * t) * t + x - tx * t] = (byte) 255;
							}
					w.writeTile(tx, ty, new Object[] { b });
				}
			w.finish();
		}
	}

	public static void write(final Path file, final int side, final boolean rgb) throws IOException {
		final TiledTiffLayout layout = TiledTiffLayout.of(side, side, rgb ? 3 : 1, 8, false);
		final int t = layout.tileSide();
		try (TiledTiffWriter w = new TiledTiffWriter(file, layout)) {
			for (int ty = 0; ty < layout.tilesDown(); ty++)
				for (int tx = 0; tx < layout.tilesAcross(); tx++) {
					final Object[] ch = new Object[layout.samples()];
					for (int c = 0; c < ch.length; c++) {
						final byte[] b = new byte[t * t];
						for (int i = 0; i < b.length; i++)
							b[i] = (byte) pixel(tx * t + i % t, ty * t + i / t, c);
						ch[c] = b;
					}
					w.writeTile(tx, ty, ch);
				}
			w.finish();
		}
		catch (final UncheckedIOException e) {
			throw e.getCause();
		}
	}
}
