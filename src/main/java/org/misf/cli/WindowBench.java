package org.misf.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.view.Views;

import org.misf.core.ChannelPlanes;
import org.misf.core.InpaintJob;
import org.misf.core.PlanSettings;
import org.misf.core.WindowPlanner;
import org.misf.model.EngineThreads;
import org.misf.model.NativeEnvironment;
import org.misf.model.TorchInpainter;

/**
 * The {@code bench} figures of single windows: the plugin's forward pass against the same TorchScript in
 * Python's PyTorch (alternated in one run, so that load from other jobs hits both alike), the Java work around
 * it, and the cost per useful pixel of tiles of a few sides.
 */
final class WindowBench {

	/** Side of the image on which useful pixels per tile are counted (large, so that borders hardly count). */
	private static final int TILED_IMAGE = 8192;

	private final TorchInpainter in;
	private final int runs;
	private final PrintStream out;

	WindowBench(final TorchInpainter in, final int runs, final PrintStream out) {
		this.in = in;
		this.runs = runs;
		this.out = out;
	}

	/**
	 * Per size: the full Java path, the bare forward pass, and where {@code python} has PyTorch, the same
	 * forward there with its defaults and with the plugin's settings; medians of runs alternated in this order.
	 */
	void windows(final int[] sizes, final String python) {
		final int threads = Integer.parseInt(System.getProperty(EngineThreads.INTRA_OP, "1"));
		try (PythonPeer plain = new PythonPeer(python, in.modelPackage().weights(), threads, true, Collections
			.emptyMap()); PythonPeer same = new PythonPeer(python, in.modelPackage().weights(), threads, false,
				NativeEnvironment.chosen()))
		{
			out.println(plain.available() ? String.format(Locale.ROOT,
				"Python peer: %s (%s) runs the same TorchScript with %d threads, its defaults and, second, the plugin's " +
					"settings (graph optimiser off, %s)", python, plain.status(), threads, NativeEnvironment.chosen()
						.isEmpty() ? "no native settings" : NativeEnvironment.chosen()) : "Python peer " + plain.status() +
							": no comparison with Python's PyTorch (Debian: apt-get install python3-torch)");
			for (final int size : sizes)
				window(size, plain, same);
		}
	}

	private void window(final int size, final PythonPeer plain, final PythonPeer same) {
		final ArrayImg<UnsignedByteType, ?> image = BenchCli.pattern(size, size);
		final ArrayImg<UnsignedByteType, ?> mask = ArrayImgs.unsignedBytes(size, size);
		for (final UnsignedByteType t : Views.interval(mask, new long[] { size / 4 + size / 8, size / 4 + size / 8 },
			new long[] { size / 2 + size / 8, size / 2 + size / 8 }))
			t.set(255);
		final InpaintJob job = InpaintJob.builder().margin(size).build();
		final boolean python = plain.available() && same.available();
		final double[][] t = new double[7][runs]; // full, bare, bare CPU, bare faults, Python, Python same, its faults
		try (ForwardProbe probe = new ForwardProbe(in.network(), 1, size, size)) {
			in.inpaint(ChannelPlanes.of(image), mask, job);
			probe.runOnce();
			if (python) {
				plain.runOnce(1, size, size);
				same.runOnce(1, size, size);
			}
			long network = 0;
			for (int r = 0; r < runs; r++) {
				final long n0 = in.network().networkNanos();
				final long t0 = System.nanoTime();
				in.inpaint(ChannelPlanes.of(image), mask, job);
				t[0][r] = (System.nanoTime() - t0) / 1e6;
				network += in.network().networkNanos() - n0;
				final long[] s0 = selfStat();
				t[1][r] = probe.runOnce() / 1e6;
				final long[] s1 = selfStat();
				t[2][r] = (s1[0] - s0[0]) / 1e6;
				t[3][r] = s1[1] - s0[1];
				if (!python) continue;
				final long[] p = plain.runOnce(1, size, size);
				t[4][r] = p[0] / 1e6;
				t[6][r] = p[2];
				t[5][r] = same.runOnce(1, size, size)[0] / 1e6;
			}
			final double full = median(t[0]), bare = median(t[1]);
			out.println(String.format(Locale.ROOT,
				"window %dx%d (%d runs alternated, medians): %.0f ms per window (full Java path), bare forward %.0f ms " +
					"(CPU %.0f ms, %.0f page faults); overhead %.1f %% of the forward (of which outside the network call " +
					"%.1f %%)", size, size, runs, full, bare, median(t[2]), median(t[3]), 100.0 * (full - bare) / bare,
				100.0 * (full - network / 1e6 / runs) / bare));
			if (python) out.println(String.format(Locale.ROOT,
				"  Python %dx%d: %.0f ms with its defaults (%.0f page faults), %.0f ms with the plugin's settings; " +
					"DJL / Python %.2f (runs %s), %.2f with the same settings", size, size, median(t[4]), median(t[6]),
				median(t[5]), median(ratios(t[1], t[4])), range(ratios(t[1], t[4])), median(ratios(t[1], t[5]))));
		}
	}

	/**
	 * The bare forward pass of tiles of each side (runs alternated between the sides), and what that costs per
	 * useful pixel: the tile's time divided by the pixels of its cell on a large image, the context excluded.
	 */
	void tiles(final int[] sides) {
		final PlanSettings s = in.planSettings();
		final List<Integer> allowed = new ArrayList<>();
		for (final int side : sides)
			if (side >= s.minSize() && side <= s.maxSize() && side % s.multiple() == 0) allowed.add(side);
		final double[][] t = new double[allowed.size()][runs], cpu = new double[allowed.size()][runs];
		for (int r = -1; r < runs; r++)
			for (int i = 0; i < allowed.size(); i++)
				try (ForwardProbe probe = new ForwardProbe(in.network(), 1, allowed.get(i), allowed.get(i))) {
					final long[] s0 = selfStat();
					final double ms = probe.runOnce() / 1e6;
					final long[] s1 = selfStat();
					if (r < 0) continue;
					t[i][r] = ms;
					cpu[i][r] = (s1[0] - s0[0]) / 1e6;
				}
		int cheapest = -1;
		double best = Double.MAX_VALUE;
		final StringBuilder rows = new StringBuilder();
		for (int i = 0; i < allowed.size(); i++) {
			final PlanSettings tiled = s.withTileSide(allowed.get(i));
			final int tiles = WindowPlanner.wholeImageTiles(TILED_IMAGE, TILED_IMAGE, tiled);
			if (tiles == 0) continue;
			final double useful = (double) TILED_IMAGE * TILED_IMAGE / tiles;
			final double perMpx = median(t[i]) / 1e3 / (useful / 1e6);
			rows.append(String.format(Locale.ROOT, "%n  %d px: %.0f ms per tile (CPU %.0f ms), %.0f useful px per tile " +
				"(%.0f %% of it), %.2f s per useful megapixel (CPU %.2f s)", allowed.get(i), median(t[i]), median(cpu[i]),
				useful, 100 * useful / allowed.get(i) / allowed.get(i), perMpx, median(cpu[i]) / 1e3 / (useful / 1e6)));
			if (perMpx < best) {
				best = perMpx;
				cheapest = allowed.get(i);
			}
		}
		out.println(String.format(Locale.ROOT,
			"tiles (context %d px, cells counted on a %dx%d image; %d runs alternated, medians):%s%n  cheapest: %d px; " +
				"the planner's tiles: %d px%s", Math.max(64, s.margin()), TILED_IMAGE, TILED_IMAGE, runs, rows, cheapest, s
					.tileSide(), cheapest == s.tileSide() ? "" : " (not the cheapest on this machine)"));
	}

	/** {CPU time of this process in ns, its minor page faults}, or zeros where /proc is not there. */
	static long[] selfStat() {
		try {
			final String stat = new String(Files.readAllBytes(Paths.get("/proc/self/stat")), StandardCharsets.US_ASCII);
			final String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			final long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14, 15)
			return new long[] { ticks * 10_000_000L, Long.parseLong(f[7]) }; // USER_HZ 100; minflt (field 10)
		}
		catch (final IOException | RuntimeException e) {
			return new long[2];
		}
	}

	private static double[] ratios(final double[] a, final double[] b) {
		final double[] r = new double[a.length];
		for (int i = 0; i < a.length; i++)
			r[i] = a[i] / b[i];
		return r;
	}

	private static String range(final double[] v) {
		final double[] s = v.clone();
		Arrays.sort(s);
		return String.format(Locale.ROOT, "%.2f-%.2f", s[0], s[s.length - 1]);
	}

	static double median(final double[] v) {
		final double[] s = v.clone();
		Arrays.sort(s);
		return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
	}
}
