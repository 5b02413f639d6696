package org.misf.spark;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import ij.ImagePlus;
import ij.io.FileSaver;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;

import org.misf.cli.Main;
import org.misf.cli.SyntheticWall;
import org.misf.files.StaleWork;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code spark-bench}: what Spark costs and gives, measured in one run. A folder of small pictures: the plain
 * command line against {@code --master local[2]}, with the same {@code --threads}, alternated twice (both load the
 * model; Spark also starts). One wall:
 * the plain command line against separate executor JVMs, {@code local-cluster[1,1,M]} and {@code [2,1,M]}, each
 * a child JVM of the -spark jar (as in the cluster test), one PyTorch thread per executor.
 */
@Command(name = "spark-bench", mixinStandardHelpOptions = true, header = "Spark's overhead and a wall's time with 1 and 2 executors.")
final class SparkBench implements Callable<Integer> {

	@Option(names = "--images", paramLabel = "N", defaultValue = "16", description = "pictures in the folder (default ${DEFAULT-VALUE})")
	int images;

	@Option(names = "--image-side", paramLabel = "PX", defaultValue = "384", description = "their side (default ${DEFAULT-VALUE})")
	int imageSide;

	@Option(names = "--threads", paramLabel = "N", defaultValue = "2", description = "PyTorch threads of both runs of the folder (default ${DEFAULT-VALUE})")
	int threads;

	@Option(names = "--wall", paramLabel = "SIDE", defaultValue = "6000", description = "the wall's side; 0: no wall (default ${DEFAULT-VALUE})")
	int wallSide;

	@Option(names = "--wall-spots", paramLabel = "N", defaultValue = "300", description = "spots on the wall (default ${DEFAULT-VALUE})")
	int wallSpots;

	private final PrintStream out;

	SparkBench(final PrintStream out) {
		this.out = out;
	}

	@Override
	public Integer call() throws Exception {
		final Path dir = Files.createTempDirectory("misf-spark-bench");
		try {
			folder(dir);
			if (wallSide > 0) wall(dir);
		}
		finally {
			StaleWork.deleteTree(dir);
		}
		return 0;
	}

	private void folder(final Path dir) throws IOException {
		final Path in = Files.createDirectories(dir.resolve("in")), masks = Files.createDirectories(dir.resolve("masks"));
		for (int i = 0; i < images; i++) {
			final ColorProcessor ip = new ColorProcessor(imageSide, imageSide);
			for (int y = 0; y < imageSide; y++)
				for (int x = 0; x < imageSide; x++)
					ip.set(x, y, SyntheticWall.pixel(x + 500 * i, y, 0) << 16 | SyntheticWall.pixel(x + 500 * i, y, 1) << 8 |
						SyntheticWall.pixel(x + 500 * i, y, 2));
			new FileSaver(new ImagePlus("p", ip)).saveAsPng(in.resolve("p" + i + ".png").toString());
			final ByteProcessor m = new ByteProcessor(imageSide, imageSide);
			m.setValue(255);
			for (final int[] o : SyntheticWall.spots(imageSide, 6 + i % 4))
				m.fillOval(o[0], o[1], o[2], o[3]);
			new FileSaver(new ImagePlus("m", m)).saveAsPng(masks.resolve("p" + i + ".png").toString());
		}
		inProcess(false, "inpaint", in.resolve("p0.png").toString(), masks.resolve("p0.png").toString(), "-o", dir
			.resolve("warm/").toString() + "/", "--threads", Integer.toString(threads)); // PyTorch starts once per JVM: not in either figure
		final double[] cli = new double[2], spark = new double[2];
		for (int round = 0; round < 2; round++) { // alternated, so that a change in the machine's load hits both
			cli[round] = inProcess(false, "inpaint", in.toString(), masks.toString(), "-o", dir.resolve("cli" + round)
				.toString(), "--threads", Integer.toString(threads));
			spark[round] = inProcess(true, "inpaint", in.toString(), masks.toString(), "-o", dir.resolve("spark" + round)
				.toString(), "--threads", Integer.toString(threads), "--master", "local[2]");
		}
		out.println(String.format(Locale.ROOT, "spark folder: %d RGB pictures of %d x %d with spots, two rounds: the CLI " +
			"with %d thread(s) %.1f, %.1f s; --master local[2] %.1f, %.1f s (x%.2f)", images, imageSide, imageSide,
			threads, cli[0], cli[1], spark[0], spark[1], (spark[0] + spark[1]) / (cli[0] + cli[1])));
	}

	private void wall(final Path dir) throws IOException, InterruptedException {
		final Path jar = Paths.get(SparkBench.class.getProtectionDomain().getCodeSource().getLocation().getPath());
		if (!jar.toString().endsWith(".jar")) {
			out.println("spark wall: run from the -spark jar (its executors start from it)");
			return;
		}
		final Path folder = Files.createDirectories(dir.resolve("wall")), home = Files.createDirectories(dir.resolve(
			"spark-home/jars")).getParent();
		final Path image = folder.resolve("wall.tif"), mask = folder.resolve("mask.tif");
		SyntheticWall.write(image, wallSide, true);
		SyntheticWall.writeMask(mask, wallSide, SyntheticWall.spots(wallSide, wallSpots));
		final double cli = child(jar, home, image, mask, dir.resolve("w0/"), null);
		final double one = child(jar, home, image, mask, dir.resolve("w1/"), "local-cluster[1,1,1536]");
		final double two = child(jar, home, image, mask, dir.resolve("w2/"), "local-cluster[2,1,1536]");
		out.println(String.format(Locale.ROOT, "spark wall: %d x %d RGB tiled TIFF, %d spots, one PyTorch thread per " +
			"process: the CLI %.1f s; Spark, 1 executor JVM %.1f s, 2 executor JVMs %.1f s (x%.2f faster)", wallSide,
			wallSide, wallSpots, cli, one, two, one / two));
	}

	/** Seconds of a command line in this JVM; fails on a non-zero exit code. */
	private static double inProcess(final boolean spark, final String... args) {
		final ByteArrayOutputStream sink = new ByteArrayOutputStream();
		final PrintStream o = new PrintStream(sink, true, StandardCharsets.UTF_8);
		final List<String> all = new ArrayList<>(List.of(args));
		all.add("--quiet");
		final long t0 = System.nanoTime();
		final int code = spark ? SparkMain.run(all, o, o) : Main.run(all, o, o);
		final double s = (System.nanoTime() - t0) / 1e9;
		if (code != 0) throw new IllegalStateException("the bench's run failed: " + sink.toString(StandardCharsets.UTF_8));
		return s;
	}

	/** Seconds of {@code inpaint} in a child JVM of the -spark jar, on {@code master} (null: the plain CLI). */
	private static double child(final Path jar, final Path home, final Path image, final Path mask, final Path out,
		final String master) throws IOException, InterruptedException
	{
		final List<String> cmd = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java")
			.toString(), "-jar", jar.toString(), "inpaint", image.toString(), mask.toString(), "-o", out.toString() + "/",
			"--threads", "1", "--quiet"));
		if (master != null) cmd.addAll(List.of("--master", master));
		final ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
		pb.environment().put("SPARK_HOME", home.toString()); // local-cluster's workers need one (an empty one does)
		pb.environment().put("SPARK_SCALA_VERSION", "2.12");
		final long t0 = System.nanoTime();
		final Process p = pb.start();
		final String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		final double s = (System.nanoTime() - t0) / 1e9;
		if (p.waitFor() != 0) throw new IllegalStateException("the bench's wall run failed: " + log);
		return s;
	}
}
