package org.misf.imagej;

import java.util.ArrayList;
import java.util.List;

import net.imglib2.Cursor;
import net.imglib2.RandomAccess;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.ARGBType;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;

import org.misf.core.CancelledException;
import org.misf.core.ProgressListener;
import org.misf.model.Device;
import org.misf.model.InpaintOptions;
import org.misf.model.InpaintResult;
import org.misf.model.Inpainter;
import org.misf.model.ModelPackage;

/**
 * A test double for the front-end logic (which planes, which holes, which options, what happens on
 * errors): it writes a constant into every hole pixel and records each call. The real network is
 * exercised by the slow tests.
 */
final class FakeInpainter implements Inpainter, InpainterSource {

	static final double FILL = 100;
	static final int FILL_ARGB = 0xff336699;

	final List<InpaintOptions> options = new ArrayList<>();
	final List<long[]> dims = new ArrayList<>();
	/** Throw {@link CancelledException} on this call (0-based) after filling; -1 never. */
	int cancelOnCall = -1;
	int opened;

	@Override
	public Inpainter get(final String model, final Device device) {
		opened++;
		return this;
	}

	@Override
	public <T extends RealType<T>, M extends RealType<M>> InpaintResult inpaint(final RandomAccessibleInterval<T> image,
		final RandomAccessibleInterval<M> mask, final InpaintOptions o, final ProgressListener progress)
	{
		record(image, o);
		long holes = 0;
		final RandomAccess<M> m = mask.randomAccess();
		final Cursor<T> c = Views.flatIterable(image).localizingCursor();
		while (c.hasNext()) {
			c.fwd();
			m.setPosition(c.getLongPosition(0), 0);
			m.setPosition(c.getLongPosition(1), 1);
			if (m.get().getRealDouble() != 0) {
				c.get().setReal(FILL);
				if (c.getLongPosition(image.numDimensions() - 1) == 0 || image.numDimensions() == 2) holes++;
			}
		}
		progress.progress(1, 1, "");
		maybeCancel();
		return new InpaintResult(holes, 1, 0);
	}

	@Override
	public <M extends RealType<M>> InpaintResult inpaintARGB(final RandomAccessibleInterval<ARGBType> image,
		final RandomAccessibleInterval<M> mask, final InpaintOptions o, final ProgressListener progress)
	{
		record(image, o);
		long holes = 0;
		final Cursor<M> m = Views.flatIterable(mask).cursor();
		final Cursor<ARGBType> c = Views.flatIterable(image).cursor();
		while (c.hasNext()) {
			c.fwd();
			if (m.next().getRealDouble() != 0) {
				c.get().set(FILL_ARGB);
				holes++;
			}
		}
		maybeCancel();
		return new InpaintResult(holes, 1, 0);
	}

	private void record(final RandomAccessibleInterval<?> image, final InpaintOptions o) {
		options.add(o);
		final long[] d = new long[image.numDimensions()];
		image.dimensions(d);
		dims.add(d);
	}

	private void maybeCancel() {
		if (options.size() - 1 == cancelOnCall) throw new CancelledException();
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
