package org.misf.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.nio.file.Paths;

import org.junit.jupiter.api.Test;
import org.misf.core.ChannelPlanes;
import org.misf.core.InpaintJob;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.type.numeric.real.FloatType;

/**
 * A network that returns NaN is run again (model/FiniteOutput) and refused when the NaN stays, on real TorchScript
 * packages whose network counts its calls and returns NaN on the first ones (training/make_nan_packages.py).
 */
class NonFiniteNetworkTest {

	private static ModelPackage nanPackage(final String name) throws URISyntaxException {
		final Path dir = Paths.get(NonFiniteNetworkTest.class.getResource("nan-packages/" + name + "/model.yaml").toURI())
			.getParent();
		return ModelPackage.open(dir);
	}

	@Test
	void aNetworkWhoseNaNPassesIsRunAgainAndFills() throws Exception {
		// NaN on the first two calls: the load's warm-up window is tried three times, then the test pair replays
		try (Inpainter inpainter = Inpainters.open(nanPackage("passing"), Device.CPU)) {
			final ArrayImg<FloatType, FloatArray> image = ArrayImgs.floats(32, 32, 3);
			image.forEach(t -> t.set(0.2f));
			final ArrayImg<FloatType, FloatArray> mask = ArrayImgs.floats(32, 32);
			mask.randomAccess().setPositionAndGet(16, 16).set(1);
			inpainter.inpaint(ChannelPlanes.of(image), mask, InpaintJob.builder().range(0, 1).build());
			for (int c = 0; c < 3; c++)
				assertEquals(0.5f, image.randomAccess().setPositionAndGet(16, 16, c).get(), 1e-6f); // its grey fill
			assertEquals(0.2f, image.randomAccess().setPositionAndGet(15, 16, 0).get(), 0f);
		}
	}

	@Test
	void aNetworkWhoseNaNStaysIsRefusedWithOneSentence() throws Exception {
		final ModelPackage pkg = nanPackage("lasting");
		final InpaintingException e = assertThrows(InpaintingException.class, () -> Inpainters.open(pkg, Device.CPU));
		assertTrue(e.getMessage().contains("returned NaN or infinite values for a 64x64 window " + FiniteOutput.ATTEMPTS +
			" times in a row"), e.getMessage());
	}
}
