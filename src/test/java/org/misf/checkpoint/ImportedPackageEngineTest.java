package org.misf.checkpoint;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.type.numeric.real.FloatType;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.misf.core.ChannelPlanes;
import org.misf.core.InpaintJob;
import org.misf.core.ProgressListener;
import org.misf.model.Device;
import org.misf.model.Inpainter;
import org.misf.model.Inpainters;
import org.misf.model.ModelPackage;

/** An imported package is an ordinary one: the engine opens it, replays its test pair and inpaints like Python. */
class ImportedPackageEngineTest {

	@TempDir
	static Path shared;

	static Path pkg;

	@BeforeAll
	static void importFixture() {
		pkg = CheckpointImporter.importCheckpoint(Fixtures.resource(Fixtures.W8), shared.resolve("misf-w8"),
			(String) null, ProgressListener.NONE);
	}

	@Test
	void engineOpensTheImportedPackageAndReplaysItsTestPair() {
		final double diff = ModelPackage.open(pkg).selfTest(Device.CPU);
		assertTrue(diff <= 1e-4, "self-test max abs diff " + diff);
	}

	@ParameterizedTest
	@CsvSource({ "64, 96", "72, 40" })
	void engineInpaintsNonSquareImagesLikePython(final int h, final int w) throws IOException {
		final String size = h + "x" + w;
		// NCHW with N = 1 is ImgLib2's (x, y, c) flat order
		final ArrayImg<FloatType, FloatArray> image = ArrayImgs.floats(
			Fixtures.npy(Fixtures.resource(Fixtures.GOOD + "input_image_" + size + ".npy")), w, h, 3);
		final ArrayImg<FloatType, FloatArray> mask = ArrayImgs.floats(
			Fixtures.npy(Fixtures.resource(Fixtures.GOOD + "input_mask_" + size + ".npy")), w, h);
		try (Inpainter inpainter = Inpainters.open(ModelPackage.open(pkg), Device.CPU)) {
			inpainter.inpaint(ChannelPlanes.of(image), mask, InpaintJob.builder().range(0, 1).margin(Math.max(w,
				h)).build());
		}
		final float[] expected = Fixtures.npy(Fixtures.resource(Fixtures.GOOD + "expected_" + size + ".npy"));
		final float diff = Fixtures.maxAbsDiff(expected, image.update(null).getCurrentStorageArray());
		assertTrue(diff <= Fixtures.PYTHON_PARITY_W8, "engine vs Python eager at " + size + ": max abs diff " + diff);
	}
}
