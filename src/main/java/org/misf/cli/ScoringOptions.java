package org.misf.cli;

import org.misf.metrics.LpipsChoice;
import org.misf.metrics.LpipsModel;
import org.misf.metrics.MetricOptions;
import org.misf.metrics.Quantisation;
import org.misf.metrics.SsimWindow;
import org.misf.model.Device;

import picocli.CommandLine.Option;

/** The scoring options the {@code metrics} and {@code evaluate} commands share (a picocli mixin). */
final class ScoringOptions {

	@Option(names = "--mode", paramLabel = "paper|uint16|float", defaultValue = "paper", description = "paper (default): clamp to [0,1], x255, truncate to uint8, PSNR/SSIM range 255; uint16: x65535, truncate, range 65535; float: no truncation, range 1")
	Quantisation mode;

	@Option(names = "--ssim", paramLabel = "uniform|gaussian", defaultValue = "uniform", description = "uniform (default): scikit-image defaults, 7x7 window, sample covariance; gaussian: Wang et al. 2004, 11x11 Gaussian sigma 1.5, population covariance")
	SsimWindow ssim;

	@Option(names = "--lpips", paramLabel = "default|none|PATH", defaultValue = LpipsChoice.DEFAULT_WORD, description = "LPIPS package (default: the shipped LPIPS v0.1 (SqueezeNet); make VGG/AlexNet ones with training/lpips_export.py); none = skip LPIPS")
	LpipsChoice lpips;

	@Option(names = "--device", paramLabel = "auto|cpu|gpu",
		description = "where LPIPS (and evaluate's network) runs (default cpu for metrics, auto for evaluate)")
	Device device;

	MetricOptions metricOptions(final boolean holeOnly) {
		return MetricOptions.PAPER.withQuantisation(mode).withSsimWindow(ssim).withHoleOnly(holeOnly);
	}

	/** The LPIPS model the options ask for, or null for {@code --lpips none}. */
	LpipsModel openLpips(final Device defaultDevice) {
		return lpips.open(device == null ? defaultDevice : device);
	}
}
