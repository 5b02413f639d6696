package org.misf.imagej;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.misf.imagej.InpaintImageFixtures.assertOnlyHolesChanged;
import static org.misf.imagej.InpaintImageFixtures.maskOf;
import static org.misf.imagej.InpaintImageFixtures.noise8;
import static org.misf.imagej.InpaintImageFixtures.open;
import static org.misf.imagej.InpaintImageFixtures.restoreImageJ;
import static org.misf.imagej.InpaintImageFixtures.selection;
import static org.misf.imagej.InpaintImageFixtures.settings;

import ij.CompositeImage;
import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;
import ij.gui.Line;
import ij.gui.OvalRoi;
import ij.gui.Overlay;
import ij.gui.Roi;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import ij.process.ShortProcessor;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.misf.core.CancelledException;
import org.misf.core.InpaintJob;

/**
 * What "MISF Inpaint" changes, with a fake network: only the holes of a selection, overlay, line or mask image, on the
 * chosen planes, with the data range of 8/16/32-bit, RGB and composite images, undoable in place or in a new image;
 * nothing when cancelled or when no hole is on the chosen planes. Its bad input is {@link InpaintImageRefusalsTest}.
 */
class InpaintImageTest {

	private final FakeInpainter fake = new FakeInpainter();

	/** ImageJ's global state that a run leaves behind: open batch-mode images, the Undo buffer, the run log. */
	@AfterEach
	void forgetBatchImages() {
		restoreImageJ();
	}

	@Test
	void selectionOn8bitChangesOnlyItsInsideAndCanBeUndone() {
		final ImagePlus imp = noise8("a.png", 40, 30, 1);
		final ImageProcessor before = imp.getProcessor().duplicate();
		final Roi roi = new OvalRoi(5, 6, 12, 9);
		imp.setRoi(roi);
		final InpaintImage.Outcome out = InpaintImage.run(imp, selection(), fake);
		assertOnlyHolesChanged(before, imp.getProcessor(), maskOf(roi, 40, 30));
		assertEquals(maskOf(roi, 40, 30).getStats().pixelCount * maskOf(roi, 40, 30).getStats().mean / 255,
			out.holePixels(), 0.5);
		assertTrue(imp.changes);
		assertArrayEquals((byte[]) before.getPixels(), (byte[]) imp.getProcessor().getSnapshotPixels(),
			"the snapshot (Undo) holds the image as it was");
		assertEquals(1, fake.dims.size());
		assertEquals(2, fake.dims.get(0).length);
		assertTrue(!fake.jobs.get(0).range().isPresent(), "8-bit uses the type range");
	}

	@Test
	void sixteenBitUsesTheDataRangeNotTheDisplayRangeAndDilation() {
		final ShortProcessor sp = new ShortProcessor(20, 20);
		for (int i = 0; i < 400; i++) sp.set(i, 1000 + i);
		final ImagePlus imp = new ImagePlus("s", sp);
		imp.setDisplayRange(900, 1600);
		imp.setRoi(new Roi(2, 2, 5, 5));
		final InpaintSettings s = InpaintSettings.builder().dilate(3).build();
		final ImageProcessor before = sp.duplicate();
		InpaintImage.run(imp, s, fake);
		final InpaintJob o = fake.jobs.get(0);
		assertEquals(1000, o.range().get().min(), 0, "the data's range: a display setting must not clip the fill");
		assertEquals(1399, o.range().get().max(), 0);
		assertEquals(3, o.dilation());
		final String info = String.valueOf(imp.getProperty("Info"));
		assertTrue(info.startsWith(InfoRecord.PREFIX) && info.contains("dilate=3") && info.contains("25 hole pixels") &&
			info.contains("model "), "the record in the image's Info: " + info);
		final ij.measure.ResultsTable log = InfoRecord.table();
		assertEquals(25, log.getValue("Hole pixels", log.size() - 1), 0);
		assertTrue(log.getStringValue("Settings", log.size() - 1).contains("dilate=3"));
		assertOnlyHolesChanged(before, imp.getProcessor(), maskOf(new Roi(2, 2, 5, 5), 20, 20));
	}

	@Test
	void thirtyTwoBitWithAnEmptyDisplayRangeUsesTheDataRange() {
		final FloatProcessor fp = new FloatProcessor(10, 10);
		for (int i = 0; i < 100; i++) fp.setf(i, -2f + i * 0.1f);
		final ImagePlus imp = new ImagePlus("f", fp);
		imp.setDisplayRange(5, 5);
		imp.setRoi(new Roi(1, 1, 3, 3));
		InpaintImage.run(imp, selection(), fake);
		assertEquals(-2, fake.jobs.get(0).range().get().min(), 1e-6);
		assertEquals(7.9, fake.jobs.get(0).range().get().max(), 1e-5);
	}

	@Test
	void rgbGoesThroughTheArgbPath() {
		final ColorProcessor cp = new ColorProcessor(16, 12);
		for (int i = 0; i < cp.getPixelCount(); i++) cp.set(i, 0xff000000 | i * 997);
		final ImagePlus imp = new ImagePlus("rgb", cp);
		final Roi roi = new Roi(3, 3, 4, 4);
		imp.setRoi(roi);
		final ImageProcessor before = cp.duplicate();
		InpaintImage.run(imp, selection(), fake);
		assertOnlyHolesChanged(before, imp.getProcessor(), maskOf(roi, 16, 12));
	}

	@Test
	void allSlicesHonourOverlayPositions() {
		final ImagePlus imp = noise8("stack", 20, 20, 3);
		final Overlay overlay = new Overlay();
		final Roi everywhere = new Roi(0, 0, 3, 3);
		final Roi onSecond = new Roi(10, 10, 4, 4);
		onSecond.setPosition(2);
		overlay.add(everywhere);
		overlay.add(onSecond);
		imp.setOverlay(overlay);
		final ImageStack before = imp.getStack().duplicate();
		final InpaintSettings s = settings(MaskSource.OVERLAY, null, OutputMode.IN_PLACE, SliceChoice.ALL);
		final InpaintImage.Outcome out = InpaintImage.run(imp, s, fake);
		assertEquals(3, out.parts());
		for (int n = 1; n <= 3; n++) {
			final ByteProcessor holes = maskOf(everywhere, 20, 20);
			if (n == 2) PlaneMasks.fill(holes, onSecond);
			assertOnlyHolesChanged(before.getProcessor(n), imp.getStack().getProcessor(n), holes);
		}
	}

	@Test
	void threeChannelCompositeIsOneRgbSetWithTheSpanningDataRange() {
		final ImageStack stack = new ImageStack(12, 12);
		for (int c = 0; c < 3; c++) {
			final ShortProcessor sp = new ShortProcessor(12, 12);
			for (int i = 0; i < 144; i++) sp.set(i, 100 * c + i);
			stack.addSlice(sp);
		}
		final ImagePlus plain = new ImagePlus("comp", stack);
		plain.setDimensions(3, 1, 1);
		final CompositeImage imp = new CompositeImage(plain, IJ.COMPOSITE);
		imp.getChannelLut(1).min = 10; imp.getChannelLut(1).max = 200;
		imp.getChannelLut(2).min = 50; imp.getChannelLut(2).max = 400;
		imp.getChannelLut(3).min = 0; imp.getChannelLut(3).max = 300;
		final Roi roi = new Roi(4, 4, 3, 3);
		imp.setRoi(roi);
		final ImageStack before = imp.getStack().duplicate();
		InpaintImage.run(imp, selection(), fake);
		assertEquals(1, fake.dims.size());
		assertArrayEquals(new long[] { 12, 12, 3 }, fake.dims.get(0));
		assertEquals(0, fake.jobs.get(0).range().get().min(), 0, "the data of the three channels: 0..143, 100..243, 200..343");
		assertEquals(343, fake.jobs.get(0).range().get().max(), 0, "not the channels' display ranges");
		for (int n = 1; n <= 3; n++)
			assertOnlyHolesChanged(before.getProcessor(n), imp.getStack().getProcessor(n), maskOf(roi, 12, 12));
	}

	@Test
	void cancellingLeavesEveryPlaneAsItWas() {
		final ImagePlus imp = noise8("stack", 16, 16, 3);
		imp.setRoi(new Roi(2, 2, 6, 6));
		final ImageStack before = imp.getStack().duplicate();
		fake.cancelOnCall = 1; // the first plane is done, the second is cancelled half-way
		final InpaintSettings s = settings(MaskSource.SELECTION, null, OutputMode.IN_PLACE, SliceChoice.ALL);
		assertThrows(CancelledException.class, () -> InpaintImage.run(imp, s, fake));
		for (int n = 1; n <= 3; n++)
			assertArrayEquals((byte[]) before.getPixels(n), (byte[]) imp.getStack().getPixels(n), "plane " + n);
	}

	@Test
	void newImageLeavesTheOriginalAlone() {
		final ImagePlus imp = noise8("orig.tif", 20, 20, 2);
		imp.setSlice(2);
		final Roi roi = new Roi(5, 5, 5, 5);
		imp.setRoi(roi);
		final ImageStack before = imp.getStack().duplicate();
		final InpaintSettings s = settings(MaskSource.SELECTION, null, OutputMode.NEW_IMAGE, SliceChoice.CURRENT);
		final InpaintImage.Outcome out = InpaintImage.run(imp, s, fake);
		assertNotSame(imp, out.image());
		assertEquals("orig-inpainted.tif", out.image().getTitle());
		assertEquals(2, out.image().getStackSize());
		for (int n = 1; n <= 2; n++)
			assertArrayEquals((byte[]) before.getPixels(n), (byte[]) imp.getStack().getPixels(n));
		assertArrayEquals((byte[]) before.getPixels(1), (byte[]) out.image().getStack().getPixels(1),
			"only the current plane is inpainted");
		assertOnlyHolesChanged(before.getProcessor(2), out.image().getStack().getProcessor(2), maskOf(roi, 20, 20));
	}

	@Test
	void maskImageNonZeroPixelsPlusItsSelectionAreHoles() {
		final ImagePlus imp = noise8("img", 20, 20, 1);
		final ByteProcessor m = new ByteProcessor(20, 20);
		m.set(3, 4, 1);
		m.set(15, 15, 255);
		final ImagePlus mask = new ImagePlus("damage-mask", m);
		mask.setRoi(new Roi(8, 8, 2, 2));
		open(mask);
		final ImageProcessor before = imp.getProcessor().duplicate();
		InpaintImage.run(imp, settings(MaskSource.MASK_IMAGE, "damage-mask", OutputMode.IN_PLACE, SliceChoice.CURRENT),
			fake);
		final ByteProcessor holes = new ByteProcessor(20, 20);
		holes.set(3, 4, 255);
		holes.set(15, 15, 255);
		PlaneMasks.fill(holes, new Roi(8, 8, 2, 2));
		assertOnlyHolesChanged(before, imp.getProcessor(), holes);
	}

	/** A Dunhuang-style mask: white = known, JPEG-like noise; threshold 100 and inverted gives the binary holes. */
	@Test
	void anInvertedThresholdedMaskImageGivesTheSameHolesAsTheBinaryOne() {
		final ImagePlus imp = noise8("img", 20, 20, 1);
		final ByteProcessor field = new ByteProcessor(20, 20);
		final java.util.Random r = new java.util.Random(3);
		for (int i = 0; i < 400; i++)
			field.set(i, 200 + r.nextInt(56)); // known: white with noise
		for (int y = 5; y < 9; y++)
			for (int x = 6; x < 12; x++)
				field.set(x, y, r.nextInt(60)); // the hole: dark with noise
		open(new ImagePlus("field-mask", field));
		final ImageProcessor before = imp.getProcessor().duplicate();
		final InpaintSettings s = InpaintSettings.builder().maskSource(MaskSource.MASK_IMAGE).maskImage("field-mask")
			.maskThreshold(100).invertMask(true).build();
		assertTrue(s.toMacroOptions().endsWith("mask_threshold=100 invert_mask"), s.toMacroOptions());
		final InpaintImage.Outcome o = InpaintImage.run(imp, s, fake);
		assertEquals(24, o.holePixels());
		assertOnlyHolesChanged(before, imp.getProcessor(), maskOf(new Roi(6, 5, 6, 4), 20, 20));
	}

	@Test
	void lineSelectionsCountWithTheirWidth() {
		final ImagePlus imp = noise8("img", 30, 30, 1);
		final Line line = new Line(2, 15, 27, 15);
		line.setStrokeWidth(3);
		imp.setRoi(line);
		final ImageProcessor before = imp.getProcessor().duplicate();
		InpaintImage.run(imp, selection(), fake);
		final ByteProcessor holes = maskOf(line, 30, 30);
		assertTrue(holes.getStats().mean * 900 / 255 >= 3 * 24, "a crack 3 px wide");
		assertOnlyHolesChanged(before, imp.getProcessor(), holes);
	}

	@Test
	void aSelectionOutsideTheChosenPlanesChangesNothingAndLoadsNoModel() {
		final ImagePlus imp = noise8("img", 20, 20, 2);
		final Overlay overlay = new Overlay();
		final Roi r = new Roi(1, 1, 4, 4);
		r.setPosition(2);
		overlay.add(r);
		imp.setOverlay(overlay);
		final ImageStack before = imp.getStack().duplicate();
		final InpaintImage.Outcome out = InpaintImage.run(imp,
			settings(MaskSource.OVERLAY, null, OutputMode.IN_PLACE, SliceChoice.CURRENT), fake);
		assertEquals(0, out.holePixels());
		assertEquals(0, fake.opened);
		assertArrayEquals((byte[]) before.getPixels(1), (byte[]) imp.getStack().getPixels(1));
		assertTrue(out.toString().contains("unchanged"));
	}
}
