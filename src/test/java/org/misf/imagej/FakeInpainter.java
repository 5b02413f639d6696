package org.misf.imagej;

import java.util.ArrayList;
import java.util.List;

import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;

import org.misf.core.CancelledException;
import org.misf.core.ChannelPlanes;
import org.misf.core.InpaintJob;
import org.misf.core.InpaintingReport;
import org.misf.model.Device;
import org.misf.model.Inpainter;
import org.misf.model.ModelPackage;

/**
 * A test double for the front-end logic (which planes, which holes, which options, what happens on
 * errors): it writes a constant into every hole pixel and records each call. The real network is
 * exercised by the slow tests.
 */
class FakeInpainter implements Inpainter, InpainterSource {

	/** Written into every hole pixel of every plane (of an RGB image: its red, green and blue). */
	static final double FILL = 100;
	static final int FILL_ARGB = 0xff646464;

	final List<InpaintJob> jobs = new ArrayList<>();
	final List<long[]> dims = new ArrayList<>();
	/** The hole mask of each call, as the engine was given it (non-zero = hole). */
	final List<byte[]> masks = new ArrayList<>();
	/** Throw {@link CancelledException} on this call (0-based) after filling; -1 never. */
	int cancelOnCall = -1;
	int opened;

	@Override
	public Inpainter get(final String model, final Device device) {
		opened++;
		return this;
	}

	@Override
	public <T extends RealType<T>, M extends RealType<M>> InpaintingReport inpaint(final ChannelPlanes<T> planes,
		final RandomAccessibleInterval<M> mask, final InpaintJob job)
	{
		jobs.add(job);
		final byte[] seen = new byte[(int) (planes.width() * planes.height())];
		int k = 0;
		for (final M v : Views.flatIterable(mask))
			seen[k++] = (byte) (v.getRealDouble() != 0 ? 255 : 0);
		masks.add(seen);
		dims.add(planes.count() == 1 ? new long[] { planes.width(), planes.height() } : new long[] { planes.width(),
			planes.height(), planes.count() });
		long holes = 0;
		for (int p = 0; p < planes.count(); p++) {
			final Cursor<M> m = Views.flatIterable(mask).cursor();
			final Cursor<T> c = Views.flatIterable(planes.plane(p)).cursor();
			while (c.hasNext())
				if (m.next().getRealDouble() != 0) {
					c.next().setReal(FILL);
					if (p == 0) holes++;
				}
				else c.next();
		}
		job.progress().progress(1, 1, "");
		maybeCancel();
		return new InpaintingReport(holes, 1, 0);
	}

	private void maybeCancel() {
		if (jobs.size() - 1 == cancelOnCall) throw new CancelledException();
	}

	@Override
	public ModelPackage modelPackage() {
		return null;
	}

	@Override
	public String device() {
		return "cpu()";
	}

	@Override
	public void close() {}
}
