package org.misf.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

import net.imglib2.img.array.ArrayImgs;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * LPIPS v0.1 (SqueezeNet) through DJL: the reference distances of the LPIPS examples (0.711048, 0.147902),
 * symmetry, zero on identical images, odd non-square sizes against the Python values, clear errors.
 */
class LpipsModelTest {

	static final Path PACKAGE = Paths.get("models", LpipsPackage.DEFAULT_ID);

	static LpipsModel lpips;
	/** The package's test images as 8-bit RGB (ex_ref, ex_ref) and (ex_p0, ex_p1), 64x64. */
	static MetricImage[] a, b;

	@BeforeAll
	static void load() throws IOException {
		lpips = LpipsModel.open(LpipsPackage.open(PACKAGE), org.misf.model.Device.CPU);
		a = images(PACKAGE.resolve("test_input_a.npy"));
		b = images(PACKAGE.resolve("test_input_b.npy"));
	}

	@AfterAll
	static void close() {
		lpips.close();
	}

	/** [n,3,h,w] in [-1,1] (x / 127.5 - 1 of 8-bit images) back to 8-bit ImgLib2 images. */
	static MetricImage[] images(final Path npy) throws IOException {
		try (NDManager m = NDManager.newBaseManager("PyTorch"); InputStream in = Files.newInputStream(npy)) {
			final NDArray arr = NDList.decode(m, in).singletonOrThrow();
			final long[] s = arr.getShape().getShape();
			final float[] v = arr.toFloatArray();
			final int n = (int) s[0], h = (int) s[2], w = (int) s[3], plane = 3 * h * w;
			final MetricImage[] out = new MetricImage[n];
			for (int k = 0; k < n; k++) {
				final byte[] px = new byte[plane]; // (x, y, c) flat = planes of rows, same order as [3,h,w]
				for (int i = 0; i < plane; i++)
					px[i] = (byte) Math.round((v[k * plane + i] + 1) * 127.5);
				out[k] = MetricImage.of(ArrayImgs.unsignedBytes(px, w, h, 3));
			}
			return out;
		}
	}

	static MetricImage crop(final MetricImage m, final int x0, final int y0, final int w, final int h) {
		final double[][] p = new double[m.channels()][w * h];
		for (int c = 0; c < m.channels(); c++)
			for (int y = 0; y < h; y++)
				System.arraycopy(m.plane(c), (y0 + y) * m.width() + x0, p[c], y * w, w);
		return new MetricImage(w, h, p, m.scale());
	}

	@Test
	void labelsBackboneAndVersion() {
		assertEquals("LPIPS v0.1 (SqueezeNet)", lpips.label());
		assertEquals("SqueezeNet 1.1", lpips.lpipsPackage().backbone());
		assertEquals("LPIPS v0.1", lpips.lpipsPackage().version());
	}

	@Test
	void reproducesTheReferenceDistances() {
		final float[] replay = lpips.selfTest();
		assertEquals(0.711048, replay[0], 1e-5);
		assertEquals(0.147902, replay[1], 1e-5);
		assertEquals(0.711048, lpips.distance(a[0], b[0]), 1e-5);
		assertEquals(0.147902, lpips.distance(a[1], b[1]), 1e-5);
	}

	@Test
	void symmetricAndZeroOnIdenticalImages() {
		assertEquals(lpips.distance(a[0], b[0]), lpips.distance(b[0], a[0]), 1e-6);
		assertEquals(lpips.distance(a[1], b[1]), lpips.distance(b[1], a[1]), 1e-6);
		assertEquals(0.0, lpips.distance(b[1], b[1]), 0.0);
	}

	@Test
	void oddNonSquareSizesMatchPython() throws IOException {
		final List<String> lines = Files.readAllLines(ImageMetricsReferenceTest.fixtures().resolve("lpips_reference.csv"));
		for (final String line : lines.subList(1, lines.size())) {
			final String[] v = line.split(",");
			final int item = Integer.parseInt(v[0]), y0 = Integer.parseInt(v[1]), x0 = Integer.parseInt(v[2]);
			final int h = Integer.parseInt(v[3]), w = Integer.parseInt(v[4]);
			assertTrue(w % 2 == 1 && w != h);
			final double d = lpips.distance(crop(a[item], x0, y0, w, h), crop(b[item], x0, y0, w, h));
			assertEquals(Double.parseDouble(v[5]), d, 1e-5, w + "x" + h);
		}
	}

	@Test
	void grayIsRepeatedToRgb() {
		final MetricImage g1 = gray(a[0]), g2 = gray(b[0]);
		assertEquals(lpips.distance(g1.rgb(), g2.rgb()), lpips.distance(g1, g2), 0.0);
	}

	static MetricImage gray(final MetricImage rgb) {
		return new MetricImage(rgb.width(), rgb.height(), new double[][] { rgb.plane(1) }, rgb.scale());
	}

	@Test
	void clearMessagesOnBadInput() {
		final MetricsException small = assertThrows(MetricsException.class, () -> lpips.distance(crop(a[0], 0, 0, 12,
			12), crop(b[0], 0, 0, 12, 12)));
		assertEquals("LPIPS v0.1 (SqueezeNet) needs images of at least 17x17 pixels; these are 12x12.", small
			.getMessage());
		final MetricsException size = assertThrows(MetricsException.class, () -> lpips.distance(a[0], crop(b[0], 0, 0,
			63, 64)));
		assertEquals("The result is 64x64 but the reference is 63x64: they must have the same size.", size.getMessage());
		assertThrows(MetricsException.class, () -> lpips.distance(a[0], gray(b[0])));
	}

	@Test
	void refusesWeightsThatDoNotMatchTheDescriptor(@TempDir final Path tmp) throws IOException {
		for (final String f : new String[] { "model.pt", "model.yaml" })
			Files.copy(PACKAGE.resolve(f), tmp.resolve(f));
		final byte[] pt = Files.readAllBytes(tmp.resolve("model.pt"));
		pt[pt.length / 2] ^= 1;
		Files.write(tmp.resolve("model.pt"), pt);
		final MetricsException e = assertThrows(MetricsException.class, () -> LpipsPackage.open(tmp));
		assertTrue(e.getMessage().contains("do not match the sha256"), e.getMessage());
		assertThrows(MetricsException.class, () -> LpipsPackage.open(tmp.resolve("missing")));
	}
}
