package org.misf.evaluation;

import net.imglib2.Cursor;
import net.imglib2.RandomAccess;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;

import org.misf.core.ChannelPlanes;
import org.misf.core.InpaintJob;
import org.misf.core.InpaintingReport;
import org.misf.model.Inpainter;
import org.misf.model.ModelPackage;

/**
 * TEST DOUBLE, not an inpainting method: fills every hole pixel of each plane with that plane's mean
 * over the known pixels, so evaluation tests run without a network. Counts its calls.
 */
final class MeanFillInpainterTestDouble implements Inpainter {

	int calls;

	@Override
	public <T extends RealType<T>, M extends RealType<M>> InpaintingReport inpaint(final ChannelPlanes<T> planes,
		final RandomAccessibleInterval<M> mask, final InpaintJob job)
	{
		calls++;
		long holes = 0;
		for (int c = 0; c < planes.count(); c++) {
			final RandomAccessibleInterval<T> plane = planes.plane(c);
			double sum = 0;
			long n = 0;
			final Cursor<M> mc = Views.flatIterable(mask).cursor();
			final Cursor<T> ic = Views.flatIterable(plane).cursor();
			while (mc.hasNext()) {
				final boolean hole = mc.next().getRealDouble() != 0;
				final double v = ic.next().getRealDouble();
				if (!hole) {
					sum += v;
					n++;
				}
			}
			final double mean = n == 0 ? 0.5 : sum / n;
			final Cursor<M> m2 = Views.flatIterable(mask).localizingCursor();
			final RandomAccess<T> ra = plane.randomAccess();
			holes = 0;
			while (m2.hasNext())
				if (m2.next().getRealDouble() != 0) {
					ra.setPosition(m2);
					ra.get().setReal(mean);
					holes++;
				}
		}
		return new InpaintingReport(holes, 1, 0);
	}

	@Override
	public ModelPackage modelPackage() {
		return null;
	}

	@Override
	public String device() {
		return "test double";
	}

	@Override
	public void close() {}
}
