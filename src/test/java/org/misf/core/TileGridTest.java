package org.misf.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.imglib2.FinalInterval;
import net.imglib2.util.Intervals;

import org.junit.jupiter.api.Test;

class TileGridTest {

	@Test
	void cellsPartitionTheImageAndKeepTheirMarginInsideTheirTile() {
		for (final long[] size : new long[][] { { 2400, 2400 }, { 513, 300 }, { 512, 512 }, { 5000, 777 }, { 17, 9000 } }) {
			final TileGrid g = new TileGrid(size[0], size[1], 512, 64);
			final FinalInterval image = new FinalInterval(size[0], size[1]);
			long area = 0;
			for (int t = 0; t < g.tiles(); t++) {
				final FinalInterval cell = g.cell(t), region = g.region(t);
				area += Intervals.numElements(cell);
				assertTrue(Intervals.contains(image, region));
				assertTrue(region.dimension(0) <= 512 && region.dimension(1) <= 512);
				for (int d = 0; d < 2; d++) {
					assertTrue(cell.min(d) == 0 || cell.min(d) - region.min(d) >= 64, "margin before cell " + t);
					assertTrue(cell.max(d) == size[d] - 1 || region.max(d) - cell.max(d) >= 64, "margin after cell " + t);
				}
				assertEquals(t, g.tileAt(cell.min(0), cell.min(1)));
				assertEquals(t, g.tileAt(cell.max(0), cell.max(1)));
			}
			assertEquals(size[0] * size[1], area, "cells cover the image once");
		}
	}

	@Test
	void tileCountsAreTheSmallestThatKeepTheMargin() {
		assertEquals(36, new TileGrid(2400, 2400, 512, 64).tiles()); // 6 x 6, as in issue 15
		assertEquals(1, new TileGrid(512, 100, 512, 64).tiles());
		assertEquals(4, new TileGrid(513, 513, 512, 64).tiles());
	}
}
