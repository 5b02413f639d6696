package org.misf.evaluation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.type.numeric.real.FloatType;

import org.misf.core.ChannelPlanes;
import org.misf.core.InpaintJob;
import org.misf.core.ProgressListener;
import org.misf.model.Inpainter;
import org.misf.metrics.HoleMask;
import org.misf.metrics.ImageFiles;
import org.misf.metrics.ImageMetrics;
import org.misf.metrics.IntensityScale;
import org.misf.metrics.LpipsModel;
import org.misf.metrics.MetricImage;
import org.misf.metrics.MetricScores;
import org.misf.metrics.MetricsException;

/**
 * Inpaints every image of a folder with a mask and scores the result against the original, like the
 * authors' test: image (gray repeated to RGB) brought to the evaluation size, hole pixels blanked, inpainted,
 * then PSNR / SSIM / L1 (and LPIPS when a model is given) of the result against the original, binned by the
 * mask's hole ratio. A file that cannot be used is listed with its reason and the evaluation goes on.
 */
public final class Evaluation {

	private final Inpainter inpainter;
	private final LpipsModel lpips;
	private final EvaluationOptions options;

	/** {@code lpips} may be null (LPIPS is then not measured). */
	public Evaluation(final Inpainter inpainter, final LpipsModel lpips, final EvaluationOptions options) {
		this.inpainter = inpainter;
		this.lpips = lpips;
		this.options = options;
	}

	/** The non-hidden regular files of a folder, sorted by name; a clear error when there are none. */
	public static List<Path> listFiles(final Path folder, final String what) {
		if (!Files.isDirectory(folder)) throw new MetricsException("The " + what + " folder '" + folder +
			"' does not exist or is not a folder.");
		final List<Path> files;
		try (Stream<Path> s = Files.list(folder)) {
			files = s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("."))
				.sorted().collect(Collectors.toList());
		}
		catch (final IOException e) {
			throw new MetricsException("The " + what + " folder '" + folder + "' cannot be listed: " + e.getMessage(), e);
		}
		if (files.isEmpty()) throw new MetricsException("The " + what + " folder '" + folder + "' has no files.");
		return files;
	}

	/** Evaluates every image with its mask (see {@link EvaluationOptions#pairByName()}). */
	public EvaluationResult run(final List<Path> images, final List<Path> masks, final ProgressListener progress) {
		final List<EvaluationRecord> records = new ArrayList<>();
		final List<SkippedFile> skipped = new ArrayList<>();
		final Map<String, Path> masksByName = new HashMap<>();
		for (final Path m : masks)
			masksByName.put(stem(m), m);
		final Map<Path, Object> maskCache = new HashMap<>();
		boolean cancelled = false;
		for (int i = 0; i < images.size(); i++) {
			if (progress.isCancelled()) {
				cancelled = true;
				break;
			}
			final Path image = images.get(i);
			progress.progress(i, images.size(), image.getFileName().toString());
			final Path mask = options.pairByName() ? masksByName.get(stem(image)) : masks.get(i % masks.size());
			if (mask == null) {
				skipped.add(new SkippedFile(image.toString(), "No mask named '" + stem(image) + ".*' in the mask folder."));
				continue;
			}
			try {
				records.add(evaluate(image, mask, maskCache));
			}
			catch (final RuntimeException e) {
				skipped.add(new SkippedFile(image.toString(), message(e)));
			}
		}
		progress.progress(images.size(), images.size(), "");
		return new EvaluationResult(records, skipped, cancelled);
	}

	/** One image with one mask (both files), scored at the evaluation size. */
	public EvaluationRecord evaluate(final Path imageFile, final Path maskFile) {
		return evaluate(imageFile, maskFile, new HashMap<>());
	}

	private EvaluationRecord evaluate(final Path imageFile, final Path maskFile, final Map<Path, Object> maskCache) {
		final long t0 = System.nanoTime();
		MetricImage reference = ImageFiles.read(imageFile);
		if (reference.channels() != 1 && reference.channels() != 3) throw new MetricsException("'" + imageFile
			.getFileName() + "' has " + reference.channels() + " channels; only gray and RGB images can be evaluated.");
		reference = reference.rgb();
		if (options.size() > 0) reference = EvaluationGeometry.centreSquare(reference, options.size());
		final HoleMask mask = EvaluationGeometry.maskFor(readMask(maskFile, maskCache), reference.width(), reference
			.height());
		if (mask.holeCount() == 0) throw new MetricsException("Its mask '" + maskFile.getFileName() +
			"' has no hole pixels, so there is nothing to inpaint.");
		final MetricImage result = inpaint(reference, mask);
		MetricScores scores = ImageMetrics.compute(result, reference, mask, options.metrics());
		if (lpips != null) scores = scores.withLpips(lpips.distance(result, reference));
		if (options.saveDir() != null) save(imageFile, reference, mask, result);
		return new EvaluationRecord(imageFile.getFileName().toString(), maskFile.getFileName().toString(),
			reference.width(), reference.height(), mask.holeFraction(), HoleRatioBin.of(mask), scores,
			(System.nanoTime() - t0) / 1e9);
	}

	/** Masks are read once (pairing by order reuses them); a mask that cannot be read fails each of its images. */
	private static MetricImage readMask(final Path file, final Map<Path, Object> cache) {
		final Object cached = cache.computeIfAbsent(file, f -> {
			try {
				return ImageFiles.read(f);
			}
			catch (final MetricsException e) {
				return e;
			}
		});
		if (cached instanceof MetricsException) throw new MetricsException("Its mask cannot be used: " +
			((MetricsException) cached).getMessage());
		return (MetricImage) cached;
	}

	/** Blanks the holes (so no original pixel can leak), inpaints in place, returns the result. */
	private MetricImage inpaint(final MetricImage reference, final HoleMask mask) {
		final ArrayImg<FloatType, FloatArray> img = reference.toFloatImg();
		final float[] data = img.update(null).getCurrentStorageArray();
		final int plane = reference.width() * reference.height();
		final byte[] m = new byte[plane];
		for (int i = 0; i < plane; i++)
			if (mask.isHole(i)) {
				m[i] = 1;
				for (int c = 0; c < reference.channels(); c++)
					data[c * plane + i] = 0;
			}
		inpainter.inpaint(ChannelPlanes.of(img), ArrayImgs.unsignedBytes(m, reference.width(), reference.height()),
			InpaintJob.builder().range(0, 1).build());
		return MetricImage.of(img, IntensityScale.UNIT);
	}

	private void save(final Path imageFile, final MetricImage reference, final HoleMask mask,
		final MetricImage result)
	{
		final Path dir = options.saveDir();
		try {
			Files.createDirectories(dir);
		}
		catch (final IOException e) {
			throw new MetricsException("The folder '" + dir + "' cannot be created: " + e.getMessage(), e);
		}
		final String s = stem(imageFile);
		ImageFiles.write(reference, dir.resolve(s + "_reference.tif"));
		ImageFiles.writeMask(mask, dir.resolve(s + "_mask.tif"));
		ImageFiles.write(result, dir.resolve(s + "_result.tif"));
	}

	static String stem(final Path p) {
		final String n = p.getFileName().toString();
		final int dot = n.lastIndexOf('.');
		return dot > 0 ? n.substring(0, dot) : n;
	}

	private static String message(final RuntimeException e) {
		return e.getMessage() != null ? e.getMessage() : e.toString();
	}
}
