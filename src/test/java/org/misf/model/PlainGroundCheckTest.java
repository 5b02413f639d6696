package org.misf.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.ToDoubleBiFunction;

import net.imglib2.Cursor;
import net.imglib2.RandomAccess;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;

import org.junit.jupiter.api.Test;
import org.misf.core.ChannelPlanes;
import org.misf.core.InpaintJob;
import org.misf.core.InpaintingReport;

/** The plain-ground check tells a fill that keeps the ground's colour from one that paints something else. */
class PlainGroundCheckTest {

	@Test
	void aFillWithTheGroundsOwnColourHoldsEveryGround() {
		final List<PlainGroundCheck.Score> scores = PlainGroundCheck.run(new Fill((mean, old) -> mean));
		assertEquals(PlainGroundCheck.GROUNDS.size(), scores.size());
		for (final PlainGroundCheck.Score s : scores) {
			assertTrue(s.holds(), s.ground + ": " + s.error);
			if (s.ground.contains("grain")) // the mean absolute deviation of noise 18 (0.8 sigma), less where 255 clips
				assertTrue(s.error > 12 && s.error < 15, s.ground + ": " + s.error);
			else assertTrue(s.error < 2 && s.flatFillError > 0.5, s.ground + ": " + s.error + " / " + s.flatFillError);
		}
		assertNull(PlainGroundCheck.problem(scores));
	}

	@Test
	void aDarkBlobOnLightGroundsIsNamed() {
		final List<PlainGroundCheck.Score> scores = PlainGroundCheck.run(new Fill((mean, old) -> mean > 200 ? 40 : mean));
		final String problem = PlainGroundCheck.problem(scores);
		assertNotNull(problem);
		assertTrue(problem.contains("white paper") && problem.contains("lime plaster") && problem.contains(
			"plaster, grain 18") && !problem.contains("lapis"), problem);
		assertEquals(1, problem.split("\\. ").length, "one sentence: " + problem);
	}

	/** Fills each hole pixel with a function of its channel's known mean (and the old value). */
	private static final class Fill implements Inpainter {

		private final ToDoubleBiFunction<Double, Double> value;

		Fill(final ToDoubleBiFunction<Double, Double> value) {
			this.value = value;
		}

		@Override
		public <T extends RealType<T>, M extends RealType<M>> InpaintingReport inpaint(final ChannelPlanes<T> planes,
			final RandomAccessibleInterval<M> mask, final InpaintJob job)
		{
			for (int c = 0; c < planes.count(); c++) {
				final RandomAccessibleInterval<T> plane = planes.plane(c);
				double sum = 0;
				long n = 0;
				final Cursor<T> p = Views.flatIterable(plane).cursor();
				final RandomAccess<M> m = mask.randomAccess();
				while (p.hasNext()) {
					p.fwd();
					m.setPosition(p);
					if (m.get().getRealDouble() == 0) {
						sum += p.get().getRealDouble();
						n++;
					}
				}
				final Cursor<T> q = Views.flatIterable(plane).cursor();
				while (q.hasNext()) {
					q.fwd();
					m.setPosition(q);
					if (m.get().getRealDouble() != 0) q.get().setReal(Math.round(value.applyAsDouble(sum / n, q.get()
						.getRealDouble())));
				}
			}
			return null;
		}

		@Override
		public ModelPackage modelPackage() {
			return null;
		}

		@Override
		public String device() {
			return "cpu";
		}

		@Override
		public void close() {}
	}
}
