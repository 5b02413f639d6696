package org.misf.imagej;

import org.misf.metrics.LpipsChoice;
import org.misf.metrics.MetricOptions;
import org.misf.metrics.Quantisation;
import org.misf.metrics.SsimWindow;
import org.misf.model.InpaintingException;

/**
 * The choices of one "Inpainting Metrics" run; the constants are its macro keys (ImageJ 1.x dialog
 * labels and SciJava field names alike).
 */
public final class MetricsSettings {

	public static final String KEY_RESULT = "result";
	public static final String KEY_REFERENCE = "reference";
	public static final String KEY_MASK = "mask";
	public static final String KEY_REGION = "region";
	public static final String KEY_SCORING = "scoring";
	public static final String KEY_SSIM = "ssim";
	public static final String KEY_LPIPS = "lpips";
	public static final String KEY_SLICES = "slices";
	public static final String KEY_CSV = "csv";

	public static final String NO_MASK = "None";
	public static final String WHOLE_IMAGE = "Whole image";
	public static final String HOLES_ONLY = "Holes only";
	public static final String[] REGIONS = { WHOLE_IMAGE, HOLES_ONLY };
	public static final String[] SCORINGS = { "paper", "uint16", "float" };
	public static final String[] SSIM_WINDOWS = { "uniform", "gaussian" };
	/** The words of {@link LpipsChoice}: the shipped LPIPS v0.1 (SqueezeNet), or no LPIPS. */
	public static final String LPIPS_DEFAULT = LpipsChoice.DEFAULT_WORD, LPIPS_NONE = LpipsChoice.NONE_WORD;

	private final String result;
	private final String reference;
	private final String mask;
	private final MetricOptions options;
	private final LpipsChoice lpips;
	private final SliceChoice slices;
	private final String csv;

	public MetricsSettings(final String result, final String reference, final String mask, final String region,
		final String scoring, final String ssim, final String lpips, final String slices, final String csv)
	{
		if (result == null || result.isEmpty()) throw new InpaintingException("Choose the result image to score.");
		if (reference == null || reference.isEmpty()) throw new InpaintingException("Choose the reference image.");
		this.result = result;
		this.reference = reference;
		this.mask = mask == null || mask.isEmpty() ? NO_MASK : mask;
		final boolean holesOnly = Labels.parse(REGIONS, s -> s, region, "region").equals(HOLES_ONLY);
		if (holesOnly && NO_MASK.equals(this.mask))
			throw new InpaintingException("Scoring the holes only needs a mask image.");
		this.options = MetricOptions.PAPER.withQuantisation(Quantisation.parse(scoring)).withSsimWindow(SsimWindow
			.parse(ssim)).withHoleOnly(holesOnly);
		this.lpips = LpipsChoice.of(lpips);
		this.slices = SliceChoice.parse(slices);
		this.csv = csv == null ? "" : csv.trim();
	}

	public String result() { return result; }

	public String reference() { return reference; }

	/** A mask image title, or {@link #NO_MASK}. */
	public String mask() { return mask; }

	public MetricOptions options() { return options; }

	/** The shipped LPIPS package, none, or an LPIPS package folder. */
	public LpipsChoice lpips() { return lpips; }

	public SliceChoice slices() { return slices; }

	/** Where to save the Results table as CSV; empty = do not save. */
	public String csv() { return csv; }
}
