package org.misf.evaluation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.nio.file.Paths;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.misf.metrics.HoleMask;
import org.misf.metrics.ImageFiles;
import org.misf.metrics.IntensityScale;
import org.misf.metrics.MetricImage;

/** Centre crop + bilinear resize against Pillow 9.4's resize of the same crop (fixtures by make_metric_fixtures.py). */
class EvaluationGeometryTest {

	/** The metric fixtures (src/test/resources/metrics), shared with ImageMetricsReferenceTest. */
	private static Path fixtures() {
		try {
			return Paths.get(EvaluationGeometryTest.class.getResource("/metrics/reference.csv").toURI()).getParent();
		}
		catch (final URISyntaxException e) {
			throw new IllegalStateException(e);
		}
	}

	@ParameterizedTest
	@CsvSource({ "resize_rgb8_70x50,png,32", "resize_rgb8_70x50,png,64", "resize_gray8_41x57,png,32",
		"resize_gray8_41x57,png,64", "resize_grayf_23x30,tif,32", "resize_grayf_23x30,tif,64" })
	void matchesPillowBilinear(final String stem, final String ext, final int size) {
		final MetricImage src = ImageFiles.read(fixtures().resolve(stem + "." + ext));
		final MetricImage want = ImageFiles.read(fixtures().resolve(stem + "_to" + size +
			"." + ext));
		final MetricImage got = EvaluationGeometry.centreSquare(src, size);
		assertEquals(size, got.width());
		assertEquals(size, got.height());
		assertEquals(want.channels(), got.channels());
		for (int c = 0; c < got.channels(); c++)
			assertArrayEquals(want.plane(c), got.plane(c), ext.equals("png") ? 0 : 1e-7, "channel " + c);
	}

	@Test
	void imagesOfTheTargetSizeAreUntouched() {
		final MetricImage m = ImageFiles.read(fixtures().resolve("resize_rgb8_70x50_to32.png"));
		assertSame(m, EvaluationGeometry.centreSquare(m, 32));
	}

	@Test
	void masksFollowTheImageAndAnyPositiveValueIsAHole() {
		final double[] p = new double[8 * 8];
		p[3 * 8 + 3] = 1; // one hole pixel in an 8x8 mask
		final MetricImage mask = new MetricImage(8, 8, new double[][] { p }, IntensityScale.UINT8);
		assertEquals(1, EvaluationGeometry.maskFor(mask, 8, 8).holeCount());
		final HoleMask up = EvaluationGeometry.maskFor(mask, 16, 16);
		assertEquals(16, up.width());
		assertTrue(up.holeCount() > 4, "bilinear spreads the hole, and > 0 keeps the fringe, as the authors did");
	}
}
