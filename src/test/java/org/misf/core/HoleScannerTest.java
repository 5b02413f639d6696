package org.misf.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.view.Views;

import org.junit.jupiter.api.Test;

class HoleScannerTest {

	@Test
	void findsComponentsWithEightConnectivityAndTheirBoxes() {
		final ArrayImg<UnsignedByteType, ?> m = ArrayImgs.unsignedBytes(20, 10);
		fill(m, 1, 1, 3, 2); // a 3x2 block
		fill(m, 4, 3, 1, 1); // touches the block only diagonally: same hole
		fill(m, 10, 0, 1, 10); // a vertical line through all rows
		fill(m, 15, 5, 4, 1); // a separate bar
		final List<HoleRegion> holes = new java.util.ArrayList<>(HoleScanner.scan(m));
		assertEquals(3, holes.size());
		holes.sort(java.util.Comparator.comparingLong(h -> h.box().min(0)));
		assertEquals(7, holes.get(0).pixels());
		assertEquals(1, holes.get(0).box().min(0));
		assertEquals(4, holes.get(0).box().max(0));
		assertEquals(3, holes.get(0).box().max(1));
		assertEquals(10, holes.get(1).pixels());
		assertEquals(9, holes.get(1).box().max(1));
		assertEquals(4, holes.get(2).pixels());
	}

	@Test
	void uShapeIsOneHoleAndOffsetMasksWork() {
		final ArrayImg<UnsignedByteType, ?> m = ArrayImgs.unsignedBytes(8, 8);
		fill(m, 1, 1, 1, 5); // left arm
		fill(m, 5, 1, 1, 5); // right arm, joined only at the bottom
		fill(m, 1, 6, 5, 1);
		final List<HoleRegion> holes = HoleScanner.scan(Views.translate(m, 100, 200));
		assertEquals(1, holes.size());
		assertEquals(15, holes.get(0).pixels());
		assertEquals(1, holes.get(0).box().min(0)); // coordinates relative to the mask's min
	}

	@Test
	void emptyMaskHasNoHoles() {
		assertEquals(0, HoleScanner.scan(ArrayImgs.floats(5, 5)).size());
	}

	static void fill(final ArrayImg<UnsignedByteType, ?> m, final long x, final long y, final long w, final long h) {
		for (final UnsignedByteType t : Views.interval(m, new long[] { x, y }, new long[] { x + w - 1, y + h - 1 }))
			t.set(255);
	}
}
