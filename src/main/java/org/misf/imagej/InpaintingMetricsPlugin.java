package org.misf.imagej;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import ij.ImagePlus;
import ij.WindowManager;
import ij.gui.GenericDialog;
import ij.measure.ResultsTable;
import ij.plugin.PlugIn;

import org.misf.model.InpaintingException;

/**
 * "Inpainting Metrics" for ImageJ 1.x (registered in {@code plugins.config}); in Fiji
 * {@link InpaintingMetricsCommand} takes over the entry with the same macro keys ({@link MetricsSettings}).
 */
public class InpaintingMetricsPlugin implements PlugIn {

	@Override
	public void run(final String arg) {
		BatchRun.noDialogs();
		final String[] titles = WindowManager.getImageTitles();
		if (titles.length < 2) {
			UserMessages.failed(MeasureImages.TITLE, new InpaintingException("Open the result and the reference image " +
				"first."));
			return;
		}
		final ImagePlus current = WindowManager.getCurrentImage();
		final String first = current != null ? current.getTitle() : titles[0];
		String second = titles[0].equals(first) ? titles[1] : titles[0];
		final List<String> masks = new ArrayList<>();
		masks.add(MetricsSettings.NO_MASK);
		masks.addAll(Arrays.asList(titles));
		final GenericDialog gd = new GenericDialog(MeasureImages.TITLE);
		gd.addChoice("Result", titles, first);
		gd.addChoice("Reference", titles, second);
		gd.addChoice("Mask", masks.toArray(new String[0]), MetricsSettings.NO_MASK);
		gd.addChoice("Region", MetricsSettings.REGIONS, MetricsSettings.WHOLE_IMAGE);
		gd.addChoice("Scoring", MetricsSettings.SCORINGS, "paper");
		gd.addChoice("SSIM", MetricsSettings.SSIM_WINDOWS, "uniform");
		gd.addStringField("LPIPS", MetricsSettings.LPIPS_DEFAULT, 20);
		gd.addChoice("Slices", SliceChoice.labels(), SliceChoice.CURRENT.label());
		gd.addStringField("CSV", "", 30);
		gd.addMessage("Paper protocol: clamp, x255, truncate; SSIM 7x7 uniform; L1 in %.\n" +
			"LPIPS: 'default' (v0.1 SqueezeNet), 'none', or an LPIPS package folder. CSV: a file to save the table to.");
		gd.showDialog();
		if (gd.wasCanceled()) return;
		try {
			final MetricsSettings s = new MetricsSettings(gd.getNextChoice(), gd.getNextChoice(), gd.getNextChoice(), gd
				.getNextChoice(), gd.getNextChoice(), gd.getNextChoice(), gd.getNextString(), gd.getNextChoice(), gd
					.getNextString());
			final ResultsTable table = ResultsTable.getResultsTable();
			MeasureImages.run(s, table);
			table.show("Results");
		}
		catch (final RuntimeException e) {
			UserMessages.failed(MeasureImages.TITLE, e);
		}
	}
}
