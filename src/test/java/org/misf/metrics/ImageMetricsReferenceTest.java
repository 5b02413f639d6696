package org.misf.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * PSNR, SSIM (both windows) and L1 against scikit-image 0.19 on the committed pairs in
 * src/test/resources/metrics (made by training/make_metric_fixtures.py): PSNR and L1 to 1e-9, SSIM to 1e-6.
 */
class ImageMetricsReferenceTest {

	static final double EXACT = 1e-9, SSIM_TOLERANCE = 1e-6;

	static Path fixtures() {
		try {
			return Paths.get(ImageMetricsReferenceTest.class.getResource("/metrics/reference.csv").toURI()).getParent();
		}
		catch (final URISyntaxException e) {
			throw new IllegalStateException(e);
		}
	}

	static List<Map<String, String>> rows() {
		try {
			final List<String> lines = Files.readAllLines(fixtures().resolve("reference.csv"));
			final String[] head = lines.get(0).split(",", -1);
			final List<Map<String, String>> rows = new ArrayList<>();
			for (final String line : lines.subList(1, lines.size())) {
				final String[] v = line.split(",", -1);
				final Map<String, String> row = new HashMap<>();
				for (int i = 0; i < head.length; i++)
					row.put(head[i], v[i]);
				rows.add(row);
			}
			return rows;
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static Stream<Map<String, String>> cases() {
		return rows().stream();
	}

	/** The pairs that come with a hole mask (the hole-only scores exist only for them). */
	static Stream<Map<String, String>> casesWithMasks() {
		return rows().stream().filter(r -> !r.get("mask").isEmpty());
	}

	static Quantisation mode(final Map<String, String> row) {
		return Quantisation.parse(row.get("mode"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void wholeImageMatchesScikitImage(final Map<String, String> row) {
		final MetricImage a = ImageFiles.read(fixtures().resolve(row.get("a")));
		final MetricImage b = ImageFiles.read(fixtures().resolve(row.get("b")));
		assertEquals(Integer.parseInt(row.get("channels")), a.channels());
		assertEquals(Integer.parseInt(row.get("width")), a.width());
		final MetricOptions options = MetricOptions.PAPER.withQuantisation(mode(row));
		final MetricScores s = ImageMetrics.compute(a, b, null, options);
		assertEquals(Double.parseDouble(row.get("psnr")), s.psnr(), EXACT, "PSNR");
		assertEquals(Double.parseDouble(row.get("l1")), s.l1(), EXACT, "L1");
		assertEquals(Double.parseDouble(row.get("ssim")), s.ssim(), SSIM_TOLERANCE, "SSIM uniform");
		final MetricScores g = ImageMetrics.compute(a, b, null, options.withSsimWindow(SsimWindow.GAUSSIAN_11));
		assertEquals(Double.parseDouble(row.get("ssim_gauss")), g.ssim(), SSIM_TOLERANCE, "SSIM Gaussian");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("casesWithMasks")
	void holeOnlyMatchesScikitImage(final Map<String, String> row) {
		final MetricImage a = ImageFiles.read(fixtures().resolve(row.get("a")));
		final MetricImage b = ImageFiles.read(fixtures().resolve(row.get("b")));
		final HoleMask mask = ImageFiles.readMask(fixtures().resolve(row.get("mask")));
		assertEquals(Double.parseDouble(row.get("hole_fraction")), mask.holeFraction(), EXACT);
		final MetricOptions options = MetricOptions.PAPER.withQuantisation(mode(row)).withHoleOnly(true);
		final MetricScores s = ImageMetrics.compute(a, b, mask, options);
		assertEquals(Double.parseDouble(row.get("hole_psnr")), s.psnr(), EXACT, "PSNR");
		assertEquals(Double.parseDouble(row.get("hole_l1")), s.l1(), EXACT, "L1");
		assertEquals(Double.parseDouble(row.get("hole_ssim")), s.ssim(), SSIM_TOLERANCE, "SSIM uniform");
		final MetricScores g = ImageMetrics.compute(a, b, mask, options.withSsimWindow(SsimWindow.GAUSSIAN_11));
		assertEquals(Double.parseDouble(row.get("hole_ssim_gauss")), g.ssim(), SSIM_TOLERANCE, "SSIM Gaussian");
	}

	@Test
	void fixturesCoverTheRequiredKinds() {
		final List<Map<String, String>> rows = rows();
		assertTrue(rows.stream().map(r -> r.get("case")).distinct().count() >= 6, "at least 6 pairs");
		assertTrue(rows.stream().anyMatch(r -> r.get("channels").equals("1")), "gray");
		assertTrue(rows.stream().anyMatch(r -> r.get("channels").equals("3")), "RGB");
		assertTrue(rows.stream().anyMatch(r -> r.get("a").endsWith(".tif")), "float");
		assertTrue(rows.stream().anyMatch(r -> r.get("mask").isEmpty()), "without mask");
		assertTrue(rows.stream().anyMatch(r -> !r.get("mask").isEmpty()), "with mask");
		assertTrue(rows.stream().anyMatch(r -> Integer.parseInt(r.get("width")) % 2 == 1), "odd size");
	}
}
