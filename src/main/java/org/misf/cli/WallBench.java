package org.misf.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import ij.ImagePlus;
import ij.io.FileSaver;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;

import org.misf.batch.BatchListener;
import org.misf.batch.BatchSpec;
import org.misf.batch.BatchSummary;
import org.misf.batch.FolderBatchRun;
import org.misf.files.StaleWork;
import org.misf.io.TiffPlanes;
import org.misf.model.TorchInpainter;

/**
 * {@code bench --parts walls}: walls read and written block by block, on synthetic 8-bit walls made as tiled TIFFs
 * with small spots: the time of a wall without holes (reading, writing and checking it), of the same wall with
 * spots, of a wall of 4 times the area with the same spots, and of the first wall with 4 times the spots, with
 * the ratios that show whether time follows the damage or the area; peak heap of each. {@code walls-equal}: a
 * 6000 x 6000 RGB picture as a tiled TIFF (a wall) and as PNG (done whole through ImageJ) give the same pixels.
 */
final class WallBench {

	private final TorchInpainter in;
	private final PrintStream out;

	WallBench(final TorchInpainter in, final PrintStream out) {
		this.in = in;
		this.out = out;
	}

	/** Time grows with damage, not area: walls of {@code side} and twice the side, {@code spots} and 4 times as many. */
	void scaling(final int side, final int spots) {
		final Path dir = tempDir();
		try {
			final double copy = run(dir, "copy", side, 0, false);
			final double base = run(dir, "base", side, spots, false);
			final double area = run(dir, "area", 2 * side, spots, false);
			final double damage = run(dir, "damage", side, 4 * spots, false);
			out.println(String.format(Locale.ROOT, "walls: %d x %d 8-bit without holes %.1f s (read, write, check); with " +
				"%d spots %.1f s; 4 x the area (%d x %d), same spots %.1f s (x%.2f); 4 x the spots %.1f s (x%.2f)", side,
				side, copy, spots, base, 2 * side, 2 * side, area, area / base, damage, damage / base));
		}
		finally {
			StaleWork.deleteTree(dir);
		}
	}

	/** A 6000 x 6000 RGB picture as a tiled TIFF and as PNG, inpainted both ways, compared pixel by pixel. */
	void equality(final int side, final int spots) {
		final Path dir = tempDir();
		try {
			final double wall = run(dir, "tif", side, spots, true);
			final double whole = run(dir, "png", side, spots, true);
			final long differ = differences(ij.IJ.openImage(dir.resolve("png/out/wall.png").toString()), dir.resolve(
				"tif/out/wall.tif"));
			out.println(String.format(Locale.ROOT, "walls: %d x %d RGB, %d spots: as a tiled TIFF (block by block) %.1f s, " +
				"as PNG (whole) %.1f s; samples that differ: %d", side, side, spots, wall, whole, differ));
		}
		finally {
			StaleWork.deleteTree(dir);
		}
	}

	private static Path tempDir() {
		try {
			return Files.createTempDirectory("misf-wall-bench");
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Samples where the tiled TIFF {@code wall} differs from the RGB {@code png}. */
	private static long differences(final ImagePlus png, final Path wall) {
		long differ = 0;
		try (TiffPlanes t = new TiffPlanes(wall, 256L << 20)) {
			final int[] px = (int[]) png.getProcessor().getPixels();
			for (int c = 0; c < 3; c++) {
				final var cur = net.imglib2.view.Views.flatIterable(t.planes().get(c)).cursor();
				for (int i = 0; i < px.length; i++)
					if ((int) cur.next().getRealDouble() != (px[i] >> (16 - 8 * c) & 0xff)) differ++;
			}
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e);
		}
		return differ;
	}

	/** Makes a wall (tiled TIFF, or PNG for {@code kind} "png") with a mask, inpaints it; returns the seconds. */
	private double run(final Path dir, final String kind, final int side, final int spots, final boolean rgb) {
		try {
			return timed(dir, kind, side, spots, rgb);
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private double timed(final Path dir, final String kind, final int side, final int spots, final boolean rgb)
		throws IOException
	{
		final Path folder = Files.createDirectories(dir.resolve(kind));
		final Path image = folder.resolve(kind.equals("png") ? "wall.png" : "wall.tif");
		if (kind.equals("png")) {
			final ColorProcessor ip = new ColorProcessor(side, side);
			for (int y = 0; y < side; y++)
				for (int x = 0; x < side; x++)
					ip.set(x, y, SyntheticWall.pixel(x, y, 0) << 16 | SyntheticWall.pixel(x, y, 1) << 8 | SyntheticWall
						.pixel(x, y, 2));
			new FileSaver(new ImagePlus("wall", ip)).saveAsPng(image.toString());
		}
		else SyntheticWall.write(image, side, rgb);
		final int[][] ovals = SyntheticWall.spots(side, spots);
		final Path mask = folder.resolve(rgb ? "mask.png" : "mask.tif");
		if (rgb) { // both ways of the equality read this PNG
			final ByteProcessor m = new ByteProcessor(side, side);
			m.setValue(255);
			for (final int[] o : ovals)
				m.fillOval(o[0], o[1], o[2], o[3]);
			new FileSaver(new ImagePlus("mask", m)).saveAsPng(mask.toString());
		}
		else SyntheticWall.writeMask(mask, side, ovals); // tile by tile, so that the bench's own heap stays small
		System.gc();
		BenchCli.resetPeaks();
		final long t0 = System.nanoTime();
		final BatchSummary s = FolderBatchRun.run(BatchSpec.builder(image, mask, folder.resolve(
			"out").toString() + "/").build(), () -> in, false, new BatchListener() {});
		final double seconds = (System.nanoTime() - t0) / 1e9;
		if (s.done != 1) throw new IllegalStateException("the bench's wall failed: " + s.line());
		out.println(String.format(Locale.ROOT, "  %s: %d x %d, %d spots, %.1f s, peak heap %d MB", kind, side, side,
			spots, seconds, BenchCli.peakHeapMb()));
		return seconds;
	}
}
