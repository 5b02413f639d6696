package org.misf.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.imglib2.RandomAccess;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.integer.UnsignedByteType;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.misf.core.ChannelPlanes;
import org.misf.core.HoleScanner;
import org.misf.core.InpaintJob;
import org.misf.core.InpaintingReport;
import org.misf.core.PlanSettings;
import org.misf.core.Window;
import org.misf.core.WindowPlanner;
import org.misf.core.WindowedInpainting;

/**
 * The shipped model on dense damage: the planner fills it tile by tile, and a hole that crosses the border
 * between two tiles' cells is filled whole by one tile, so it gets the same values (within what moving a window
 * changes) as when every hole is filled through windows around the holes, and no seam runs through it.
 */
class TileSeamTest {

	private static final int W = 1100, H = 1100;

	/** The hole under test: 8 x 8 px across x = 403, where the cells of the tiles at x = 0 and x = 294 meet. */
	private static final int X0 = 399, Y0 = 500, BORDER = 403;

	/** Spots on a 40 px lattice, and the hole under test. */
	private static boolean hole(final int x, final int y) {
		if (x >= X0 && x < X0 + 8 && y >= Y0 && y < Y0 + 8) return true;
		final int dx = (x + 17) % 40, dy = (y + 9) % 40;
		return dx < 4 && dy < 4 && Math.abs(x - BORDER) > 30;
	}

	private static ArrayImg<UnsignedByteType, ?> image() {
		final ArrayImg<UnsignedByteType, ?> img = ArrayImgs.unsignedBytes(W, H, 3);
		final RandomAccess<UnsignedByteType> a = img.randomAccess();
		for (int c = 0; c < 3; c++)
			for (int y = 0; y < H; y++)
				for (int x = 0; x < W; x++) {
					a.setPosition(new int[] { x, y, c });
					a.get().set((int) (120 + 60 * Math.sin(x / 23.0 + c) * Math.cos(y / 31.0) + 40.0 * x / W));
				}
		return img;
	}

	@Test
	@Tag("slow")
	void aHoleAcrossATileBorderIsFilledAsInOneWindow() {
		final ArrayImg<UnsignedByteType, ?> mask = ArrayImgs.unsignedBytes(W, H);
		final RandomAccess<UnsignedByteType> m = mask.randomAccess();
		for (int y = 0; y < H; y++)
			for (int x = 0; x < W; x++) {
				m.setPosition(new int[] { x, y });
				m.get().set(hole(x, y) ? 255 : 0);
			}
		final ArrayImg<UnsignedByteType, ?> tiled = image(), windows = image(), moved = image();
		try (TorchInpainter in = Inpainters.open(ModelPackage.defaultPackage(), Device.CPU)) {
			final PlanSettings s = in.planSettings();
			Window writer = null;
			for (final Window w : WindowPlanner.plan(W, H, HoleScanner.scan(mask), s))
				if (writer == null && w.cores().stream().anyMatch(c -> c.min(0) <= X0 && c.max(0) >= X0 + 7 && c.min(
					1) <= Y0 && c.max(1) >= Y0 + 7)) writer = w;
			assertEquals(512, writer.netWidth(), "the hole is filled by a tile: " + writer);
			assertTrue(writer.region().max(0) - (X0 + 7) >= 64, "with its context inside the tile: " + writer);
			final InpaintingReport a = WindowedInpainting.inpaint(ChannelPlanes.of(tiled), mask, s,
				InpaintJob.DEFAULTS, in.network());
			final InpaintingReport b = WindowedInpainting.inpaint(ChannelPlanes.of(windows), mask, s.withTiles(false),
				InpaintJob.DEFAULTS, in.network());
			assertEquals(a.holePixels(), b.holePixels());
			// what merely moving the windows changes: windows with a fixed 96 px margin instead of the automatic one
			WindowedInpainting.inpaint(ChannelPlanes.of(moved), mask, in.planSettings().withTiles(false),
				InpaintJob.builder().margin(96).build(), in.network());
		}
		final double[] tilesVsWindows = difference(tiled, windows), windowsVsMoved = difference(windows, moved);
		final RandomAccess<UnsignedByteType> p = tiled.randomAccess();
		// the step across the cell border inside the hole is no larger than the steps next to it
		double jump = 0, beside = 0;
		for (int c = 0; c < 3; c++)
			for (int y = Y0; y < Y0 + 8; y++) {
				jump += Math.abs(at(p, BORDER - 1, y, c) - at(p, BORDER, y, c));
				beside += Math.abs(at(p, BORDER - 2, y, c) - at(p, BORDER - 1, y, c)) + Math.abs(at(p, BORDER, y, c) - at(p,
					BORDER + 1, y, c));
			}
		System.out.printf(java.util.Locale.ROOT, "hole across the tile border: tiles vs windows mean |diff| %.2f, " +
			"max %.0f grey levels; windows vs windows with another margin %.2f, max %.0f; step at the border %.2f vs " +
			"%.2f beside it%n", tilesVsWindows[0], tilesVsWindows[1], windowsVsMoved[0], windowsVsMoved[1], jump / 24,
			beside / 48);
		assertTrue(tilesVsWindows[0] <= 1.5 * windowsVsMoved[0] + 1, "mean |diff| " + tilesVsWindows[0] + " vs " +
			windowsVsMoved[0]);
		assertTrue(jump / 24 <= 2 * beside / 48 + 2, "jump " + jump / 24 + " vs " + beside / 48);
	}

	/** Mean and max |difference| over the hole under test, in grey levels. */
	private static double[] difference(final ArrayImg<UnsignedByteType, ?> a, final ArrayImg<UnsignedByteType, ?> b) {
		final RandomAccess<UnsignedByteType> p = a.randomAccess(), q = b.randomAccess();
		double sum = 0;
		int max = 0, n = 0;
		for (int c = 0; c < 3; c++)
			for (int y = Y0; y < Y0 + 8; y++)
				for (int x = X0; x < X0 + 8; x++) {
					final int d = Math.abs(at(p, x, y, c) - at(q, x, y, c));
					sum += d;
					max = Math.max(max, d);
					n++;
				}
		return new double[] { sum / n, max };
	}

	private static int at(final RandomAccess<UnsignedByteType> a, final int x, final int y, final int c) {
		a.setPosition(new int[] { x, y, c });
		return a.get().get();
	}
}
