package org.misf.cli;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import org.misf.metrics.LpipsChoice;
import org.misf.metrics.LpipsModel;
import org.misf.metrics.MetricOptions;
import org.misf.metrics.Quantisation;
import org.misf.metrics.SsimWindow;
import org.misf.model.Device;

/** The scoring options the {@code metrics} and {@code evaluate} commands share. */
final class ScoringSettings {

	static final Set<String> WITH_VALUE = new HashSet<>(Arrays.asList("mode", "ssim", "lpips", "device"));

	static final String USAGE = String.join("\n",
		"  --mode paper|uint16|float  paper (default): clamp to [0,1], x255, truncate to uint8, PSNR/SSIM range 255;",
		"                         uint16: x65535, truncate, range 65535; float: no truncation, range 1",
		"  --ssim uniform|gaussian    uniform (default): scikit-image defaults, 7x7 window, sample covariance;",
		"                         gaussian: Wang et al. 2004, 11x11 Gaussian sigma 1.5, population covariance",
		"  --lpips default|none|PATH  LPIPS package (default: the shipped LPIPS v0.1 (SqueezeNet); make VGG/AlexNet",
		"                         ones with training/lpips_export.py); none = skip LPIPS",
		"  --device auto|cpu|gpu      where LPIPS runs (default cpu for metrics, auto for evaluate)");

	private ScoringSettings() {}

	static MetricOptions metricOptions(final Options o, final boolean holeOnly) {
		return MetricOptions.PAPER.withQuantisation(Quantisation.parse(o.get("mode", "paper"))).withSsimWindow(
			SsimWindow.parse(o.get("ssim", "uniform"))).withHoleOnly(holeOnly);
	}

	/** The LPIPS model the options ask for, or null for {@code --lpips none}. */
	static LpipsModel openLpips(final Options o, final String defaultDevice) {
		final LpipsChoice lpips = LpipsChoice.of(o.get("lpips", LpipsChoice.DEFAULT_WORD));
		return lpips.isNone() ? null : lpips.open(Device.parse(o.get("device", defaultDevice)));
	}
}
