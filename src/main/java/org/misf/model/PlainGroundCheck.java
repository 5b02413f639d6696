package org.misf.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

import net.imglib2.Cursor;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.integer.UnsignedByteType;

import org.misf.core.ChannelPlanes;
import org.misf.core.InpaintJob;

/**
 * How a model fills losses on plain grounds, the surfaces a conservator tries first (paper, plaster, a flat
 * pigment, a dark field): each ground, with the noise of a scan (one also with a coarse grain), gets a small and a
 * large square loss, and the mean error inside them is compared with that of the simplest fill, the ground's mean
 * colour. A model that paints a blob or a line there is named before a batch runs, not after.
 */
public final class PlainGroundCheck {

	/** A ground's colour. */
	public static final class Ground {

		final String name;
		final int[] rgb;
		/** Standard deviation of its i.i.d. noise, grey levels. */
		final double noise;

		Ground(final String name, final int r, final int g, final int b) {
			this(name, r, g, b, SCAN_NOISE);
		}

		Ground(final String name, final int r, final int g, final int b, final double noise) {
			this.name = name;
			this.rgb = new int[] { r, g, b };
			this.noise = noise;
		}
	}

	/** What the model did on one ground: mean hole error in grey levels, ours and the flat fill's. */
	public static final class Score {

		public final String ground;
		public final double error;
		public final double flatFillError;
		public final double maxError;

		Score(final String ground, final double error, final double flatFillError, final double maxError) {
			this.ground = ground;
			this.error = error;
			this.flatFillError = flatFillError;
			this.maxError = maxError;
		}

		/** Within {@link #TOLERANCE} grey levels of the flat fill. */
		public boolean holds() {
			return error <= flatFillError + TOLERANCE;
		}
	}

	/** How much worse than the ground's mean colour a fill may be, in grey levels, and still hold the ground. */
	public static final double TOLERANCE = 3.0;

	static final List<Ground> GROUNDS = Collections.unmodifiableList(java.util.Arrays.asList(new Ground(
		"white paper", 255, 255, 255), new Ground("off-white paper", 246, 244, 238), new Ground("lime plaster", 237,
			230, 210), new Ground("vermilion", 205, 62, 38), new Ground("lapis", 38, 66, 150), new Ground("near-black", 4,
				4, 4), new Ground("mid grey", 128, 128, 128), new Ground("plaster, grain 18", 237, 230, 210, 18)));

	static final int SIZE = 160;
	static final int[] HOLES = { 12, 48 };
	private static final double SCAN_NOISE = 1.5;

	private PlainGroundCheck() {}

	/** Fills a small and a large loss on every ground with {@code inpainter}; one score per ground. */
	public static List<Score> run(final Inpainter inpainter) {
		final List<Score> scores = new ArrayList<>();
		for (int g = 0; g < GROUNDS.size(); g++) {
			final Ground ground = GROUNDS.get(g);
			double sum = 0, flatSum = 0, max = 0;
			long n = 0;
			for (final int side : HOLES) {
				final Img<UnsignedByteType> truth = ground(ground, 1000L * g + side);
				final Img<UnsignedByteType> image = copy(truth);
				final Img<UnsignedByteType> mask = square(side);
				final double[] mean = knownMean(truth, mask);
				inpainter.inpaint(ChannelPlanes.of(image), mask, InpaintJob.DEFAULTS);
				final Cursor<UnsignedByteType> t = truth.localizingCursor();
				final Cursor<UnsignedByteType> o = image.cursor();
				final net.imglib2.RandomAccess<UnsignedByteType> m = mask.randomAccess();
				while (t.hasNext()) {
					t.fwd();
					o.fwd();
					m.setPosition(t.getLongPosition(0), 0);
					m.setPosition(t.getLongPosition(1), 1);
					if (m.get().get() == 0) continue;
					final double d = Math.abs(o.get().get() - t.get().get());
					sum += d;
					flatSum += Math.abs(Math.round(mean[t.getIntPosition(2)]) - t.get().get());
					max = Math.max(max, d);
					n++;
				}
			}
			scores.add(new Score(ground.name, sum / n, flatSum / n, max));
		}
		return scores;
	}

	/** The grounds the model does not hold, as one sentence, or null when it holds them all. */
	public static String problem(final List<Score> scores) {
		final StringBuilder bad = new StringBuilder();
		for (final Score s : scores)
			if (!s.holds()) bad.append(bad.length() == 0 ? "" : ", ").append(String.format(java.util.Locale.ROOT,
				"%s %.1f (its own colour %.1f)", s.ground, s.error, s.flatFillError));
		return bad.length() == 0 ? null : "This model does not hold a flat colour on plain grounds: its fills are " +
			"off by (mean, grey levels) " + bad + ".";
	}

	private static Img<UnsignedByteType> ground(final Ground ground, final long seed) {
		final SplittableRandom random = new SplittableRandom(seed);
		final Img<UnsignedByteType> img = ArrayImgs.unsignedBytes(SIZE, SIZE, 3);
		final Cursor<UnsignedByteType> c = img.localizingCursor();
		while (c.hasNext()) {
			c.fwd();
			final double v = ground.rgb[c.getIntPosition(2)] + ground.noise * gaussian(random);
			c.get().set((int) Math.max(0, Math.min(255, Math.round(v))));
		}
		return img;
	}

	private static double gaussian(final SplittableRandom random) {
		return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
	}

	private static Img<UnsignedByteType> square(final int side) {
		final Img<UnsignedByteType> mask = ArrayImgs.unsignedBytes(SIZE, SIZE);
		final int a = (SIZE - side) / 2;
		final Cursor<UnsignedByteType> c = mask.localizingCursor();
		while (c.hasNext()) {
			c.fwd();
			final int x = c.getIntPosition(0), y = c.getIntPosition(1);
			if (x >= a && x < a + side && y >= a && y < a + side) c.get().set(255);
		}
		return mask;
	}

	private static double[] knownMean(final Img<UnsignedByteType> image, final Img<UnsignedByteType> mask) {
		final double[] sum = new double[3];
		final long[] n = new long[3];
		final Cursor<UnsignedByteType> c = image.localizingCursor();
		final net.imglib2.RandomAccess<UnsignedByteType> m = mask.randomAccess();
		while (c.hasNext()) {
			c.fwd();
			m.setPosition(c.getLongPosition(0), 0);
			m.setPosition(c.getLongPosition(1), 1);
			if (m.get().get() != 0) continue;
			sum[c.getIntPosition(2)] += c.get().get();
			n[c.getIntPosition(2)]++;
		}
		return new double[] { sum[0] / n[0], sum[1] / n[1], sum[2] / n[2] };
	}

	private static Img<UnsignedByteType> copy(final Img<UnsignedByteType> img) {
		final Img<UnsignedByteType> out = img.factory().create(img);
		final Cursor<UnsignedByteType> from = img.cursor(), to = out.cursor();
		while (from.hasNext())
			to.next().set(from.next());
		return out;
	}
}
