package org.misf.imagej;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import ij.WindowManager;
import ij.measure.ResultsTable;

import org.scijava.command.Command;
import org.scijava.command.DynamicCommand;
import org.scijava.module.MutableModuleItem;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * "Inpainting Metrics" as a SciJava command (Fiji). Field names are the macro keys of
 * {@link MetricsSettings}; images are chosen by title, as in ImageJ 1.x. Rows go to the Results table.
 */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>Inpainting>Inpainting Metrics",
	label = "Inpainting Metrics", description = "PSNR, SSIM, L1 and LPIPS of a result against a reference")
public class InpaintingMetricsCommand extends DynamicCommand {

	@Parameter(label = "Result", persist = false, initializer = "listImages")
	private String result;

	@Parameter(label = "Reference", persist = false)
	private String reference;

	@Parameter(label = "Mask", persist = false, required = false)
	private String mask = MetricsSettings.NO_MASK;

	@Parameter(label = "Region", persist = false, choices = { "Whole image", "Holes only" })
	private String region = MetricsSettings.WHOLE_IMAGE;

	@Parameter(label = "Scoring", persist = false, choices = { "paper", "uint16", "float" })
	private String scoring = "paper";

	@Parameter(label = "SSIM", persist = false, choices = { "uniform", "gaussian" })
	private String ssim = "uniform";

	@Parameter(label = "LPIPS", persist = false, description = "\"default\" (v0.1 SqueezeNet), \"none\", or an LPIPS package folder")
	private String lpips = MetricsSettings.LPIPS_DEFAULT;

	@Parameter(label = "Slices", persist = false, choices = { "Current", "All" })
	private String slices = SliceChoice.CURRENT.label();

	@Parameter(label = "CSV", persist = false, required = false, description = "file to save the Results table to")
	private String csv = "";

	@Override
	public void run() {
		try {
			final MetricsSettings s = new MetricsSettings(result, reference, mask, region, scoring, ssim, lpips, slices,
				csv);
			final ResultsTable table = ResultsTable.getResultsTable();
			MeasureImages.run(s, table);
			if (!java.awt.GraphicsEnvironment.isHeadless()) table.show("Results");
		}
		catch (final RuntimeException e) {
			cancel(UserMessages.failed(MeasureImages.TITLE, e));
		}
	}

	/** Offers the open images for result, reference and mask. */
	protected void listImages() {
		final List<String> titles = Arrays.asList(WindowManager.getImageTitles());
		choices("result", titles);
		choices("reference", titles);
		final List<String> masks = new ArrayList<>();
		masks.add(MetricsSettings.NO_MASK);
		masks.addAll(titles);
		choices("mask", masks);
	}

	private void choices(final String name, final List<String> values) {
		final MutableModuleItem<String> item = getInfo().getMutableInput(name, String.class);
		if (item != null && !values.isEmpty()) item.setChoices(values);
	}
}
