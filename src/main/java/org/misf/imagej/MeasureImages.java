package org.misf.imagej;

import java.util.ArrayList;
import java.util.List;

import ij.CompositeImage;
import ij.ImagePlus;
import ij.WindowManager;
import ij.measure.ResultsTable;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import ij.process.ImageProcessor;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;

import org.misf.core.MaskConvention;
import org.misf.metrics.ImageMetrics;
import org.misf.metrics.IntensityScale;
import org.misf.metrics.LpipsChoice;
import org.misf.metrics.LpipsModel;
import org.misf.metrics.MetricImage;
import org.misf.metrics.MetricScores;
import org.misf.metrics.MetricsException;
import org.misf.model.Device;
import org.misf.model.InpaintingException;

/**
 * "Inpainting Metrics": scores a result image against a reference, plane by plane (a 3-channel image per
 * channel set, like the inpainting), and appends one row per plane to the Results table, which macros read
 * with {@code getResult} and which is saved as CSV on request. Pixel values reach [0, 1] by the same rule as
 * the command line's {@code metrics}: 8-bit and RGB / 255, 16-bit / 65535, 32-bit as stored.
 */
public final class MeasureImages {

	public static final String TITLE = "Inpainting Metrics";

	private static LpipsModel lpipsModel;
	private static LpipsChoice lpipsKey;

	private MeasureImages() {}

	/** Scores and appends rows to {@code table}; returns the scores per plane. */
	public static List<MetricScores> run(final MetricsSettings s, final ResultsTable table) {
		final ImagePlus result = image(s.result(), "result");
		final ImagePlus reference = image(s.reference(), "reference");
		if (result.getWidth() != reference.getWidth() || result.getHeight() != reference.getHeight())
			throw new InpaintingException("The result '" + result.getTitle() + "' is " + result.getWidth() + "x" +
				result.getHeight() + " but the reference '" + reference.getTitle() + "' is " + reference.getWidth() +
				"x" + reference.getHeight() + ".");
		if (result.getBitDepth() != reference.getBitDepth() || result.getStackSize() != reference.getStackSize() ||
			result.getNChannels() != reference.getNChannels())
			throw new InpaintingException("The result '" + result.getTitle() + "' and the reference '" +
				reference.getTitle() + "' differ in type or number of planes.");
		final PlaneMasks holes = noMask(s) ? null : PlaneMasks.ofMaskImage(reference, s.mask(), MaskConvention.NON_ZERO);
		final LpipsModel lpips = lpips(s.lpips());
		final List<MetricScores> all = new ArrayList<>();
		final List<int[]> parts = InpaintImage.parts(reference, s.slices());
		try {
			for (int k = 0; k < parts.size(); k++) {
				final int[] part = parts.get(k);
				new ImageJProgress(TITLE, k, parts.size()).progress(0, 1, reference.getTitle());
				final IntensityScale scale = scale(reference, part);
				final MetricImage a = metricImage(result, part, scale);
				final MetricImage b = metricImage(reference, part, scale);
				final org.misf.metrics.HoleMask mask = holes == null ? null : holeMask(holes.planes(part));
				MetricScores scores = SharedInpainter.withPluginClassLoader(() -> ImageMetrics.compute(a, b, mask, s
					.options()));
				if (lpips != null) {
					final double d = SharedInpainter.withPluginClassLoader(() -> lpips.distance(a, b));
					scores = scores.withLpips(d);
				}
				all.add(scores);
				addRow(table, result, reference, part, mask, scores, s, lpips);
			}
		}
		catch (final MetricsException e) {
			throw new InpaintingException(e.getMessage(), e);
		}
		finally {
			ij.IJ.showProgress(1.0);
		}
		if (!s.csv().isEmpty() && !saveFullPrecision(table, s.csv()))
			throw new InpaintingException("The metrics could not be saved to " + s.csv() + ".");
		return all;
	}

	private static boolean noMask(final MetricsSettings s) {
		return MetricsSettings.NO_MASK.equals(s.mask());
	}

	private static ImagePlus image(final String title, final String role) {
		final ImagePlus imp = WindowManager.getImage(title);
		if (imp == null) throw new InpaintingException("There is no open image called '" + title + "' to use as the " +
			role + ".");
		return imp;
	}

	private static synchronized LpipsModel lpips(final LpipsChoice which) {
		if (which.isNone()) return null;
		if (lpipsModel != null && which.equals(lpipsKey)) return lpipsModel;
		if (lpipsModel != null) lpipsModel.close();
		lpipsModel = null;
		try {
			lpipsModel = SharedInpainter.withPluginClassLoader(() -> which.open(Device.CPU));
		}
		catch (final MetricsException e) {
			throw new InpaintingException(e.getMessage(), e);
		}
		lpipsKey = which;
		return lpipsModel;
	}

	/**
	 * The one rule of both front-ends (the CLI's {@code metrics}): by pixel type, 8-bit and RGB / 255, 16-bit
	 * / 65535, 32-bit as stored; never the display range, which is a viewing choice.
	 */
	private static IntensityScale scale(final ImagePlus imp, final int[] part) {
		switch (imp.getBitDepth()) {
			case 16:
				return IntensityScale.UINT16;
			case 32:
				return IntensityScale.UNIT;
			default:
				return IntensityScale.UINT8;
		}
	}

	@SuppressWarnings({ "rawtypes", "unchecked" })
	private static MetricImage metricImage(final ImagePlus imp, final int[] part, final IntensityScale scale) {
		if (imp.getBitDepth() == 24) {
			final ColorProcessor cp = (ColorProcessor) imp.getStack().getProcessor(part[0]);
			return MetricImage.ofARGB(ArrayImgs.argbs((int[]) cp.getPixels(), cp.getWidth(), cp.getHeight()));
		}
		final List<RandomAccessibleInterval> planes = new ArrayList<>();
		for (final int index : part) {
			final ImageProcessor ip = imp.getStack().getProcessor(index);
			planes.add(ArrayImgs.floats((float[]) ip.convertToFloatProcessor().getPixels(), ip.getWidth(), ip
				.getHeight()));
		}
		final RandomAccessibleInterval image = planes.size() == 1 ? planes.get(0) : Views.stack((List) planes);
		return MetricImage.of((RandomAccessibleInterval<RealType>) image, scale);
	}

	private static org.misf.metrics.HoleMask holeMask(final ByteProcessor bp) {
		return org.misf.metrics.HoleMask.of(ArrayImgs.unsignedBytes((byte[]) bp.getPixels(), bp.getWidth(), bp
			.getHeight()));
	}

	private static void addRow(final ResultsTable t, final ImagePlus result, final ImagePlus reference, final int[] part,
		final org.misf.metrics.HoleMask mask, final MetricScores s, final MetricsSettings settings, final LpipsModel lpips)
	{
		t.incrementCounter();
		t.addValue("Result", result.getTitle());
		t.addValue("Reference", reference.getTitle());
		t.addValue("Plane", reference.getStackSize() == 1 ? "1" : planeName(reference, part));
		t.addValue("Mask", settings.mask());
		t.addValue("Hole %", mask == null ? Double.NaN : 100 * mask.holeFraction());
		t.addValue("PSNR", s.psnr());
		t.addValue("SSIM", s.ssim());
		t.addValue("L1 (%)", s.l1());
		t.addValue("LPIPS", s.lpips());
		t.addValue("LPIPS net", lpips == null ? "none" : lpips.label());
		t.addValue("Scoring", settings.options().label());
		for (final String column : METRIC_COLUMNS)
			t.setDecimalPlaces(t.getColumnIndex(column), DISPLAY_DECIMALS);
	}

	/** The numeric columns: shown with {@value #DISPLAY_DECIMALS} decimals, saved to CSV with {@value #CSV_DECIMALS}. */
	private static final String[] METRIC_COLUMNS = { "Hole %", "PSNR", "SSIM", "L1 (%)", "LPIPS" };

	private static final int DISPLAY_DECIMALS = 4;

	/** ImageJ's most: PSNR to 1e-9 dB, SSIM to 1e-9, as exact as the scores themselves matter. */
	static final int CSV_DECIMALS = 9;

	/** Saves the table as CSV with full precision, then shows it again with the display precision. */
	private static boolean saveFullPrecision(final ResultsTable t, final String path) {
		for (final String column : METRIC_COLUMNS)
			if (t.columnExists(column)) t.setDecimalPlaces(t.getColumnIndex(column), CSV_DECIMALS);
		try {
			return t.save(path);
		}
		finally {
			for (final String column : METRIC_COLUMNS)
				if (t.columnExists(column)) t.setDecimalPlaces(t.getColumnIndex(column), DISPLAY_DECIMALS);
		}
	}

	private static String planeName(final ImagePlus imp, final int[] part) {
		final int[] czt = imp.convertIndexToPosition(part[0]);
		if (part.length > 1) return "z" + czt[1] + " t" + czt[2];
		return imp.isHyperStack() || imp instanceof CompositeImage ? "c" + czt[0] + " z" + czt[1] + " t" + czt[2] :
			Integer.toString(part[0]);
	}

}
