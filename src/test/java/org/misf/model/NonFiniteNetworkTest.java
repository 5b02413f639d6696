package org.misf.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

import org.junit.jupiter.api.Test;
import org.misf.core.ChannelPlanes;
import org.misf.core.InpaintJob;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.type.numeric.real.FloatType;

/**
 * A network that returns NaN is run again (model/MisfNetwork.firstFinite) and refused when the NaN stays: the rule on
 * scripted passes, then on real TorchScript packages whose network counts its calls and returns NaN on the first ones
 * (training/make_nan_packages.py).
 */
class NonFiniteNetworkTest {

	private static final float[] GOOD = { 0.25f, 1f };

	/** A pass that returns its outputs in turn and counts the calls. */
	private static final class Scripted implements MisfNetwork.Pass<RuntimeException> {
		final Deque<float[]> outputs;
		int calls;

		Scripted(final float[]... outputs) {
			this.outputs = new ArrayDeque<>(Arrays.asList(outputs));
		}

		@Override
		public float[] run() {
			calls++;
			return outputs.size() > 1 ? outputs.poll() : outputs.peek();
		}
	}

	@Test
	void aFiniteOutputIsTakenAtOnce() {
		final Scripted pass = new Scripted(GOOD);
		assertArrayEquals(GOOD, MisfNetwork.firstFinite(pass));
		assertEquals(1, pass.calls);
	}

	@Test
	void aPassingNaNIsRunAgain() {
		final Scripted pass = new Scripted(new float[] { Float.NaN, 1 }, new float[] { 0, Float.POSITIVE_INFINITY },
			GOOD);
		assertArrayEquals(GOOD, MisfNetwork.firstFinite(pass));
		assertEquals(3, pass.calls);
	}

	@Test
	void aNaNThatStaysIsReturnedAfterTheLastAttempt() {
		final Scripted pass = new Scripted(new float[] { Float.NaN, 1 });
		assertFalse(MisfNetwork.isFinite(MisfNetwork.firstFinite(pass)));
		assertEquals(MisfNetwork.ATTEMPTS, pass.calls);
	}

	@Test
	void finiteMeansNoNaNAndNoInfinity() {
		assertTrue(MisfNetwork.isFinite(new float[] { -Float.MAX_VALUE, 0, Float.MIN_VALUE }));
		assertFalse(MisfNetwork.isFinite(new float[] { 0, Float.NEGATIVE_INFINITY }));
	}

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
		assertTrue(e.getMessage().contains("returned NaN or infinite values for a 64x64 window " + MisfNetwork.ATTEMPTS +
			" times in a row"), e.getMessage());
	}
}
