package org.misf.model;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.type.numeric.real.FloatType;

import org.misf.core.ChannelPlanes;
import org.misf.core.InpaintJob;
import org.misf.files.Sha256;

/**
 * Whether a package's files are what its descriptor says, for both kinds: every file it names lies inside the
 * package folder, the weights have the sha256 of the descriptor, and a MISF test pair has consistent shapes and
 * is reproduced by the whole Java path ({@link #replayTestPair}). How close a replay must come is the caller's
 * decision ({@code TorchInpainter.checkTestPair}, the {@code selftest} command).
 */
public final class PackageTrust {

	private PackageTrust() {}

	/** The weights the descriptor names, checked against its sha256; {@code source} names the package. */
	public static Path weights(final Path root, final PackageDescriptor d, final String source) {
		final String file = d.weightsFile();
		final Path weights = root.resolve(file).normalize();
		if (!weights.startsWith(root) || !Files.isRegularFile(weights)) throw new InpaintingException("The " + d
			.kind().noun() + " " + source + " lacks its weights file " + file + ".");
		if (!d.weightsSha256().equals(sha256(weights))) throw new InpaintingException("The weights " + file + " of " +
			d.kind().noun() + " " + source +
			" do not match the sha256 in model.yaml, so the file is damaged, truncated or from another model.");
		return weights;
	}

	/** The {@code index}th test input ({@code output} false) or expected output, inside the package folder. */
	public static Path testFile(final Path root, final PackageDescriptor d, final boolean output, final int index,
		final String source)
	{
		final String kind = output ? "outputs" : "inputs";
		final List<String> files = d.testFiles(output);
		if (files.size() <= index) throw new InpaintingException("The descriptor of " + d.kind().noun() + " " +
			source + " lists no test " + kind + ".");
		final Path p = root.resolve(files.get(index)).normalize();
		if (!p.startsWith(root) || !Files.isRegularFile(p)) throw new InpaintingException("The " + d.kind().noun() +
			" " + source + " lacks its test file " + p.getFileName() + ".");
		return p;
	}

	/** SHA-256 of a file as lower-case hex ({@link Sha256}), or one sentence when it cannot be read. */
	public static String sha256(final Path file) {
		try {
			return Sha256.of(file);
		}
		catch (final java.io.IOException e) {
			throw new InpaintingException("The file " + file + " cannot be read (" + e.getMessage() + ").", e);
		}
	}

	/**
	 * Runs a MISF package's test pair through {@code inpainter} (the whole Java path: ImgLib2 image, windows,
	 * network, compositing; the window covers the whole test image) and returns the largest absolute
	 * difference from the expected output (infinite when the output is not finite).
	 */
	static double replayTestPair(final PackageFolder pkg, final Inpainter inpainter) {
		final Npy image = Npy.read(pkg.testFile(false, 0));
		final Npy mask = Npy.read(pkg.testFile(false, 1));
		final Npy expected = Npy.read(pkg.testFile(true, 0));
		final long[] s = image.shape();
		if (s.length != 4 || s[0] != 1 || s[1] != 3 || !Arrays.equals(expected.shape(), s) || mask.shape().length != 4 ||
			mask.shape()[2] != s[2] || mask.shape()[3] != s[3])
			throw new InpaintingException("The test pair of " + pkg.descriptor().kind().noun() + " " + pkg.source() +
				" has inconsistent shapes.");
		final int h = (int) s[2], w = (int) s[3];
		// NCHW with N = 1 is exactly ImgLib2's (x, y, c) flat order
		final ArrayImg<FloatType, FloatArray> img = ArrayImgs.floats(image.data().clone(), w, h, 3);
		final ArrayImg<FloatType, FloatArray> m = ArrayImgs.floats(mask.data().clone(), w, h);
		inpainter.inpaint(ChannelPlanes.of(img), m, InpaintJob.builder().range(0, 1).margin(Math.max(w, h)).build());
		final float[] got = img.update(null).getCurrentStorageArray();
		final float[] want = expected.data();
		double max = 0;
		for (int i = 0; i < want.length; i++) {
			if (!Float.isFinite(got[i])) return Double.POSITIVE_INFINITY; // NaN or infinite output: never close
			max = Math.max(max, Math.abs(got[i] - want[i]));
		}
		return max;
	}
}
