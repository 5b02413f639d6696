package org.misf.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import ij.ImagePlus;
import ij.io.FileSaver;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import ij.process.ImageProcessor;
import ij.process.ShortProcessor;

import net.imglib2.RandomAccess;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;

import org.misf.io.TiffPlanes;
import org.misf.io.TiledTiffLayout;
import org.misf.io.TiledTiffWriter;

/**
 * Walls for the tests: pictures (smooth colour ramps with grain, so the network has context), masks with holes on
 * block edges, the same picture as a tiled TIFF (the wall's way) and as PNG or striped TIFF (the whole-image way),
 * and comparisons of results pixel by pixel.
 */
public final class WallFixtures {

	private WallFixtures() {}

	/** An 8-bit RGB picture, or 16-bit gray ({@code sixteen}), {@code w x h}. */
	public static ImagePlus picture(final int w, final int h, final boolean sixteen, final long seed) {
		final Random r = new Random(seed);
		if (sixteen) {
			final ShortProcessor ip = new ShortProcessor(w, h);
			for (int y = 0; y < h; y++)
				for (int x = 0; x < w; x++)
					ip.set(x, y, (int) (20000 + 30000.0 * x / w + 10000 * Math.sin(y / 50.0) + r.nextInt(800)));
			return new ImagePlus("wall", ip);
		}
		final ColorProcessor ip = new ColorProcessor(w, h);
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				final int red = (int) (60 + 120.0 * x / w) + r.nextInt(20), green = (int) (90 + 60 * Math.sin(y / 70.0)) + r
					.nextInt(20), blue = (int) (100 + 80.0 * (x + y) / (w + h)) + r.nextInt(20);
				ip.set(x, y, red << 16 | green << 8 | blue);
			}
		return new ImagePlus("wall", ip);
	}

	/**
	 * Small spots, some across the edges of 2048 px blocks and their corner, and a thin crack {@code crack} px
	 * across (over about 380 px it is a huge hole: a coarse fill and refine tiles).
	 */
	public static ByteProcessor mask(final int w, final int h, final long seed, final int crack) {
		final ByteProcessor m = new ByteProcessor(w, h);
		m.setValue(255);
		final Random r = new Random(seed);
		for (int i = 0; i < 8; i++)
			m.fillOval(r.nextInt(w - 20), r.nextInt(h - 20), 4 + r.nextInt(12), 4 + r.nextInt(12));
		for (final int[] spot : new int[][] { { 2040, 300 }, { 2044, 2040 }, { 1000, 2043 }, { 2030, 100 } })
			if (spot[0] + 16 < w && spot[1] + 16 < h) m.fillOval(spot[0], spot[1], 14, 12);
		m.setLineWidth(2);
		m.drawLine(w / 3, 40, w / 3 + crack, Math.min(h - 40, 40 + crack * 3 / 4));
		return m;
	}

	public static void save(final ImagePlus imp, final Path p) throws IOException {
		Files.createDirectories(p.getParent());
		final FileSaver s = new FileSaver(imp);
		assertTrue(p.toString().endsWith(".png") ? s.saveAsPng(p.toString()) : imp.getStackSize() > 1 ? s
			.saveAsTiffStack(p.toString()) : s.saveAsTiff(p.toString()));
	}

	/** Writes {@code imp} (RGB, 8- or 16-bit gray) as a tiled TIFF of {@code side} px tiles. */
	public static void tiledTiff(final ImagePlus imp, final Path p, final int side, final boolean deflate) throws IOException {
		Files.createDirectories(p.getParent());
		final ImageProcessor ip = imp.getProcessor();
		final int samples = ip instanceof ColorProcessor ? 3 : 1, bits = ip instanceof ShortProcessor ? 16 : 8;
		final TiledTiffLayout layout = new TiledTiffLayout(ip.getWidth(), ip.getHeight(), samples, bits, side, deflate,
			false);
		try (TiledTiffWriter w = new TiledTiffWriter(p, layout)) {
			for (int ty = 0; ty < layout.tilesDown(); ty++)
				for (int tx = 0; tx < layout.tilesAcross(); tx++) {
					final Object[] ch = new Object[samples];
					for (int c = 0; c < samples; c++)
						ch[c] = bits == 16 ? new short[side * side] : new byte[side * side];
					for (int y = 0; y < side; y++)
						for (int x = 0; x < side; x++) {
							final int gx = tx * side + x, gy = ty * side + y;
							if (gx >= ip.getWidth() || gy >= ip.getHeight()) continue;
							final int v = ip.get(gx, gy);
							for (int c = 0; c < samples; c++)
								if (bits == 16) ((short[]) ch[c])[y * side + x] = (short) v;
								else((byte[]) ch[c])[y * side + x] = (byte) (samples == 3 ? v >> (16 - 8 * c) : v);
						}
					w.writeTile(tx, ty, ch);
				}
			w.finish();
		}
	}

	/** Asserts that the TIFF {@code wall} holds the pixels of {@code imp} (RGB or gray), everywhere. */
	public static void assertSamePixels(final ImagePlus imp, final Path wall) throws IOException {
		assertEquals(0, differences(imp, wall, null), "pixels differ");
	}

	/**
	 * Pixels where the TIFF {@code wall} differs from {@code imp}; with {@code mask}, a difference outside its holes
	 * fails at once.
	 */
	static long differences(final ImagePlus imp, final Path wall, final ByteProcessor mask) throws IOException {
		final ImageProcessor ip = imp.getProcessor();
		long n = 0;
		try (TiffPlanes t = new TiffPlanes(wall, 64L << 20)) {
			assertEquals(ip.getWidth(), t.tiff().width());
			assertEquals(ip.getHeight(), t.tiff().height());
			final int samples = t.planes().size();
			@SuppressWarnings("unchecked")
			final RandomAccess<? extends RealType<?>>[] ra = new RandomAccess[samples];
			for (int c = 0; c < samples; c++)
				ra[c] = ((RandomAccessibleInterval<? extends RealType<?>>) t.planes().get(c)).randomAccess();
			for (int y = 0; y < ip.getHeight(); y++)
				for (int x = 0; x < ip.getWidth(); x++) {
					int v = 0;
					for (int c = 0; c < samples; c++) {
						ra[c].setPosition(new long[] { x, y });
						v = samples == 3 ? v << 8 | (int) ra[c].get().getRealDouble() : (int) ra[c].get().getRealDouble();
					}
					final int expected = samples == 3 ? ip.get(x, y) & 0xffffff : ip.get(x, y);
					if (v == expected) continue;
					n++;
					assertTrue(mask == null || mask.get(x, y) != 0, "pixel " + x + "," + y + " outside the holes changed");
				}
		}
		return n;
	}
}
