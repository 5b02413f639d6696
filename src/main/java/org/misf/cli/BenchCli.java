package org.misf.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import net.imglib2.Cursor;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.view.Views;

import org.misf.core.ChannelPlanes;
import org.misf.core.InpaintJob;
import org.misf.core.InpaintingReport;
import org.misf.core.WindowedInpainting;
import org.misf.model.EngineThreads;
import org.misf.model.ModelPackage;
import org.misf.model.NativeEnvironment;
import org.misf.model.TorchInpainter;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bench}: time per window at 256 and 512 against Python's PyTorch and the Java overhead as a fraction of
 * the bare forward pass ({@link WindowBench}), cost per useful pixel by tile side, heap and native memory on a
 * large image with a few small holes, memory over many windows, dense damage, a large hole and thread counts.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = Version.class, sortOptions = false,
	header = "Measures time per window, Java overhead, and memory on a large image and over many windows.")
final class BenchCli implements Callable<Integer> {

	private static final String PARTS = "windows,tiles,memory,large,scattered,hole,threads";

	@Mixin
	ModelOptions model;

	@Option(names = "--parts", paramLabel = "LIST", defaultValue = PARTS,
		description = "which figures, of " + PARTS + ",huge,walls,walls-equal (default all but huge and the walls)")
	String parts;

	@Option(names = "--runs", paramLabel = "R", defaultValue = "5", description = "timed runs per window size (default ${DEFAULT-VALUE})")
	int runs;

	@Option(names = "--python", paramLabel = "PATH", defaultValue = "/usr/bin/python3",
		description = "Python whose PyTorch runs the same model beside the plugin's, alternated (default ${DEFAULT-VALUE}; none: no comparison)")
	String python;

	@Option(names = "--large", paramLabel = "SIDE", defaultValue = "8000",
		description = "side of the large RGB 8-bit test image (default ${DEFAULT-VALUE})")
	int large;

	@Option(names = "--windows", paramLabel = "N", defaultValue = "1000",
		description = "windows for the memory-growth run (default ${DEFAULT-VALUE})")
	int windows;

	@Option(names = "--huge", paramLabel = "SIDE", defaultValue = "20000",
		description = "the huge image for the Java side's memory (default ${DEFAULT-VALUE}; needs -Xmx4g)")
	int huge;

	@Option(names = "--scattered", paramLabel = "SIDE", defaultValue = "2400",
		description = "image side for the scattered-damage figures (default ${DEFAULT-VALUE})")
	int scattered;

	@Option(names = "--spots", paramLabel = "N", defaultValue = "2000", description = "spots for the scattered-damage figures (default ${DEFAULT-VALUE})")
	int spots;

	@Option(names = "--untiled", description = "also time that damage without tiles (one window per group of holes; slow)")
	boolean untiled;

	@Option(names = "--hole-image", paramLabel = "SIDE", defaultValue = "2000", description = "the large-hole case's image side (default ${DEFAULT-VALUE})")
	int holeImage;

	@Option(names = "--hole", paramLabel = "SIDE", defaultValue = "900", description = "the large-hole case's hole side (default ${DEFAULT-VALUE})")
	int hole;

	@Option(names = "--wall", paramLabel = "SIDE", defaultValue = "8000", description = "side of the walls' bench (default ${DEFAULT-VALUE}; also twice it)")
	int wallSide;

	@Option(names = "--wall-spots", paramLabel = "N", defaultValue = "100", description = "spots on the walls (default ${DEFAULT-VALUE}; also 4 times as many)")
	int wallSpots;

	@Mixin
	ThreadsOption threads;

	private final PrintStream out;

	BenchCli(final PrintStream out) {
		this.out = out;
	}

	@Override
	public Integer call() {
		threads.apply();
		final long t0 = System.nanoTime();
		final ModelPackage pkg = model.modelPackage();
		try (TorchInpainter in = model.open()) {
			out.println(String.format(Locale.ROOT, "model %s on %s, %d CPU cores visible, network threads %s; load + warm-up %.2f s",
				pkg, in.device(), Runtime.getRuntime().availableProcessors(), EngineThreads.description(), (System
					.nanoTime() - t0) / 1e9));
			final List<String> chosen = Arrays.asList(parts.split(","));
			out.println(NativeEnvironment.description());
			final WindowBench window = new WindowBench(in, runs, out);
			if (chosen.contains("windows")) window.windows(new int[] { 256, 512 }, python);
			if (chosen.contains("tiles")) window.tiles(new int[] { 256, 320, 384, 448, 512 });
			if (chosen.contains("memory")) memoryGrowth(in, windows, out);
			if (chosen.contains("large")) largeImage(in, large, out);
			final DamageBench damage = new DamageBench(in, out);
			if (chosen.contains("scattered")) damage.scattered(scattered, spots, untiled);
			if (chosen.contains("hole")) damage.largeHole(holeImage, hole);
			if (chosen.contains("huge")) damage.hugeImage(huge);
			if (chosen.contains("threads")) new ThreadsBench(model.model, out).run();
			final WallBench walls = new WallBench(in, out);
			if (chosen.contains("walls")) walls.scaling(wallSide, wallSpots);
			if (chosen.contains("walls-equal")) walls.equality(6000, wallSpots);
		}
		return 0;
	}

	/** A large RGB image with a few small holes: windows stay small, memory is that of the image. */
	private static void largeImage(final TorchInpainter in, final int side, final PrintStream out) {
		final long rss0 = procStatusKb("VmRSS");
		final ArrayImg<UnsignedByteType, ?> image = ArrayImgs.unsignedBytes(side, side, 3);
		final ArrayImg<UnsignedByteType, ?> mask = ArrayImgs.unsignedBytes(side, side);
		final Cursor<UnsignedByteType> c = image.localizingCursor();
		while (c.hasNext()) {
			c.fwd();
			c.get().set((int) ((c.getLongPosition(0) * 7 + c.getLongPosition(1) * 3 + c.getLongPosition(2) * 50) & 255));
		}
		final int holes = 6;
		for (int k = 0; k < holes; k++) {
			final long x = (long) side * (k + 1) / (holes + 1), y = (long) side * ((k * 3) % holes + 1) / (holes + 1);
			for (final UnsignedByteType t : Views.interval(mask, new long[] { x, y }, new long[] { x + 19, y + 11 }))
				t.set(255);
		}
		final long heapBefore = usedHeapAfterGc();
		resetPeaks();
		final long rssBefore = procStatusKb("VmRSS");
		final long t0 = System.nanoTime();
		final InpaintingReport r = WindowedInpainting.inpaint(ChannelPlanes.of(image), mask, in.planSettings(),
			InpaintJob.DEFAULTS, in.network());
		final double seconds = (System.nanoTime() - t0) / 1e9;
		final long rssAfter = procStatusKb("VmRSS");
		out.println(String.format(Locale.ROOT,
			"large image %dx%d RGB 8-bit (%d MB + %d MB mask), %d holes: %.2f s, %d windows, largest network input %d px " +
				"(%.0fx%.0f); heap %d MB before the call (the images), peak %d MB during it; RSS %d MB before the images, " +
				"%d MB before the call, %d MB after (peak RSS of the process %d MB)", side, side, 3L * side * side >> 20,
			(long) side * side >> 20, holes, seconds, r.windows(), r.largestInput(), Math.sqrt(r.largestInput()), Math.sqrt(r
				.largestInput()), heapBefore >> 20, peakHeapMb(), rss0 >> 10, rssBefore >> 10, rssAfter >> 10, procStatusKb(
					"VmHWM") >> 10));
	}

	/** Many windows through the full path; native (RSS) and heap memory must stay flat. */
	private static void memoryGrowth(final TorchInpainter in, final int windows, final PrintStream out) {
		final int size = 256;
		final ArrayImg<UnsignedByteType, ?> image = pattern(size, size);
		final ArrayImg<UnsignedByteType, ?> mask = ArrayImgs.unsignedBytes(size, size);
		for (final long[] p : new long[][] { { 60, 60 }, { 188, 60 }, { 60, 188 }, { 188, 188 } })
			for (final UnsignedByteType t : Views.interval(mask, p, new long[] { p[0] + 7, p[1] + 7 }))
				t.set(255);
		final InpaintJob job = InpaintJob.builder().margin(24).batchSize(4).build();
		usedHeapAfterGc();
		int done = 0;
		long rssAtTenth = -1, heapAtTenth = -1;
		final long t0 = System.nanoTime();
		final StringBuilder series = new StringBuilder();
		while (done < windows) {
			done += in.inpaint(ChannelPlanes.of(image), mask, job).windows();
			if (rssAtTenth < 0 && done >= windows / 10) {
				rssAtTenth = procStatusKb("VmRSS");
				heapAtTenth = usedHeapAfterGc();
			}
			if (done % (windows / 5 / 4 * 4 == 0 ? 4 : windows / 5 / 4 * 4) == 0) series.append(' ').append(
				procStatusKb("VmRSS") >> 10);
		}
		final long rssEnd = procStatusKb("VmRSS");
		final long heapEnd = usedHeapAfterGc();
		out.println(String.format(Locale.ROOT,
			"memory over %d windows (56x56, batches of 4, %.1f ms per window): RSS %d -> %d MB (%+d MB) from window %d " +
				"to %d; heap after GC %d -> %d MB; RSS samples (MB):%s", done, (System.nanoTime() - t0) / 1e6 / done,
			rssAtTenth >> 10, rssEnd >> 10, (rssEnd - rssAtTenth) >> 10, windows / 10, done, heapAtTenth >> 20,
			heapEnd >> 20, series));
	}

	static ArrayImg<UnsignedByteType, ?> pattern(final int w, final int h) {
		final ArrayImg<UnsignedByteType, ?> img = ArrayImgs.unsignedBytes(w, h, 3);
		final Cursor<UnsignedByteType> c = img.localizingCursor();
		while (c.hasNext()) {
			c.fwd();
			final double x = c.getDoublePosition(0), y = c.getDoublePosition(1);
			c.get().set((int) (127 + 100 * Math.sin(x / 17 + c.getDoublePosition(2)) * Math.cos(y / 23)));
		}
		return img;
	}

	/** A field of /proc/self/status in kB, or -1 where there is none (not Linux). */
	static long procStatusKb(final String field) {
		try {
			for (final String line : Files.readAllLines(Paths.get("/proc/self/status")))
				if (line.startsWith(field + ":")) return Long.parseLong(line.replaceAll("[^0-9]", ""));
		}
		catch (final IOException | NumberFormatException e) {
			// not available
		}
		return -1;
	}

	static void resetPeaks() {
		for (final MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans())
			if (p.getType() == MemoryType.HEAP) p.resetPeakUsage();
	}

	static long peakHeapMb() {
		long sum = 0;
		for (final MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans())
			if (p.getType() == MemoryType.HEAP) sum += p.getPeakUsage().getUsed();
		return sum >> 20;
	}

	static long usedHeapAfterGc() {
		System.gc();
		final Runtime rt = Runtime.getRuntime();
		return rt.totalMemory() - rt.freeMemory();
	}
}
