package org.misf.imagej;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import ij.ImagePlus;
import ij.WindowManager;
import ij.gui.Overlay;
import ij.gui.Roi;
import ij.plugin.frame.RoiManager;
import ij.process.ByteProcessor;

import org.misf.core.MaskConvention;
import org.misf.io.ImagePlanes;
import org.misf.model.InpaintingException;

/**
 * The holes of one image, per stack plane, as 8-bit masks (255 = hole, 0 = keep). Built once from the
 * chosen mask source, which is checked when built: a missing selection, an empty ROI Manager or a mask
 * image of the wrong size is an {@link InpaintingException} before anything changes.
 * <p>
 * ROIs from the ROI Manager or the overlay that carry a stack position (a slice, or a channel / z / t
 * position of a hyperstack) only mask that plane; ROIs without one mask every plane. Line selections
 * count as areas of their stroke width. A mask image may have one plane (used for every plane) or as
 * many planes as the image; its holes are read by {@link ImagePlanes#holes} (as on the command line), and an area
 * selection on it adds its inside.
 */
abstract class PlaneMasks {

	protected final int width;
	protected final int height;

	private PlaneMasks(final int width, final int height) {
		this.width = width;
		this.height = height;
	}

	/** The mask of the plane with this 1-based stack index; a new processor the caller may keep. */
	abstract ByteProcessor plane(int stackIndex);

	/** Where the holes come from, for the record: the selections and where they are, or the mask image. */
	abstract String describe();

	/** "polygon 27x17 at (8, 44)", with the plane when the ROI has one. */
	static String where(final Roi roi) {
		final java.awt.Rectangle b = roi.getBounds();
		final String plane = roi.hasHyperStackPosition() ? " at c, z, t " + roi.getCPosition() + ", " + roi
			.getZPosition() + ", " + roi.getTPosition() : roi.getPosition() > 0 ? " on plane " + roi.getPosition() : "";
		return roi.getTypeAsString().toLowerCase(java.util.Locale.ROOT) + " " + b.width + "x" + b.height + " at (" + b.x +
			", " + b.y + ")" + plane;
	}

	/** The union of the masks of several planes (a channel set). */
	ByteProcessor planes(final int[] stackIndices) {
		final ByteProcessor union = plane(stackIndices[0]);
		final byte[] u = (byte[]) union.getPixels();
		for (int k = 1; k < stackIndices.length; k++) {
			final byte[] p = (byte[]) plane(stackIndices[k]).getPixels();
			for (int i = 0; i < u.length; i++)
				if (p[i] != 0) u[i] = (byte) 255;
		}
		return union;
	}

	/** Checks the source chosen in {@code settings} against {@code imp} and returns its masks. */
	static PlaneMasks of(final ImagePlus imp, final InpaintSettings settings) {
		switch (settings.maskSource()) {
			case SELECTION: {
				final Roi roi = imp.getRoi();
				if (roi == null || !(roi.isArea() || roi.isLine()))
					throw new InpaintingException("There is no area selection on '" + imp.getTitle() +
						"': draw one around the damage, or choose the ROI Manager, the overlay or a mask image.");
				return new RoiHoles(imp, Arrays.asList(roi), false, "the selection");
			}
			case ROI_MANAGER: {
				final RoiManager rm = RoiManager.getInstance();
				final Roi[] rois = rm == null ? new Roi[0] : rm.getRoisAsArray();
				if (rois.length == 0)
					throw new InpaintingException("The ROI Manager is empty (or not open): add the damaged regions to it first.");
				return new RoiHoles(imp, areas(rois, "The ROI Manager holds no area or line selections."), true,
					"the ROI Manager");
			}
			case OVERLAY: {
				final Overlay overlay = imp.getOverlay();
				if (overlay == null || overlay.size() == 0)
					throw new InpaintingException("'" + imp.getTitle() + "' has no overlay: add the damaged regions to it first.");
				return new RoiHoles(imp, areas(overlay.toArray(), "The overlay holds no area or line selections."), true,
					"the overlay");
			}
			case MASK_IMAGE:
			default:
				return ofMaskImage(imp, settings.maskImage(), settings.maskConvention());
		}
	}

	/** The holes that the open image called {@code title} marks for {@code imp} (checked as in {@link #of}). */
	static PlaneMasks ofMaskImage(final ImagePlus imp, final String title, final MaskConvention convention) {
		return MaskImageHoles.of(imp, title, convention);
	}

	private static List<Roi> areas(final Roi[] rois, final String noneMessage) {
		final List<Roi> areas = new ArrayList<>();
		for (final Roi r : rois)
			if (r != null && (r.isArea() || r.isLine())) areas.add(r);
		if (areas.isEmpty()) throw new InpaintingException(noneMessage);
		return areas;
	}

	/** Fills the inside of an area or line ROI with 255 (lines: their stroke width, at least 1 px). */
	static void fill(final ByteProcessor mask, final Roi roi) {
		mask.setColor(255);
		if (roi.isLine()) {
			final Roi line = (Roi) roi.clone();
			if (line.getStrokeWidth() < 1) line.setStrokeWidth(1);
			final Roi area = Roi.convertLineToArea(line);
			if (area != null) mask.fill(area);
		}
		else mask.fill(roi);
	}

	/** Holes from selections: the current one (every plane) or a list with optional stack positions. */
	private static final class RoiHoles extends PlaneMasks {

		private final ImagePlus imp;
		private final List<Roi> rois;
		private final boolean usePositions;
		private final String source;

		RoiHoles(final ImagePlus imp, final List<Roi> rois, final boolean usePositions, final String source) {
			super(imp.getWidth(), imp.getHeight());
			this.imp = imp;
			this.rois = rois;
			this.usePositions = usePositions;
			this.source = source;
		}

		/** At most {@value #LISTED} ROIs are listed, then how many more there are. */
		private static final int LISTED = 8;

		@Override
		String describe() {
			final StringBuilder b = new StringBuilder(source).append(rois.size() == 1 ? ": " : " (" + rois.size() +
				" ROIs): ");
			for (int i = 0; i < Math.min(LISTED, rois.size()); i++)
				b.append(i == 0 ? "" : "; ").append(where(rois.get(i)));
			if (rois.size() > LISTED) b.append("; and ").append(rois.size() - LISTED).append(" more");
			return b.toString();
		}

		@Override
		ByteProcessor plane(final int stackIndex) {
			final ByteProcessor mask = new ByteProcessor(width, height);
			for (final Roi roi : rois)
				if (!usePositions || appliesTo(roi, stackIndex)) fill(mask, roi);
			return mask;
		}

		private boolean appliesTo(final Roi roi, final int stackIndex) {
			if (roi.hasHyperStackPosition()) {
				final int[] czt = imp.convertIndexToPosition(stackIndex);
				return matches(roi.getCPosition(), czt[0]) && matches(roi.getZPosition(), czt[1]) &&
					matches(roi.getTPosition(), czt[2]);
			}
			return matches(roi.getPosition(), stackIndex);
		}

		private static boolean matches(final int roiPosition, final int position) {
			return roiPosition == 0 || roiPosition == position;
		}
	}

	/** Holes from another image ({@link ImagePlanes#holes}), plus the inside of an area selection on it. */
	private static final class MaskImageHoles extends PlaneMasks {

		private final ImagePlus maskImp;
		private final Roi roi;
		private final MaskConvention convention;

		private MaskImageHoles(final ImagePlus imp, final ImagePlus maskImp, final MaskConvention convention) {
			super(imp.getWidth(), imp.getHeight());
			this.maskImp = maskImp;
			this.convention = convention;
			final Roi r = maskImp.getRoi();
			this.roi = r != null && (r.isArea() || r.isLine()) ? r : null;
		}

		static MaskImageHoles of(final ImagePlus imp, final String title, final MaskConvention convention) {
			final ImagePlus maskImp = WindowManager.getImage(title);
			if (maskImp == null)
				throw new InpaintingException("There is no open image called '" + title + "' to use as the mask.");
			if (maskImp == imp)
				throw new InpaintingException("The mask image must be another image than '" + imp.getTitle() + "'.");
			if (maskImp.getWidth() != imp.getWidth() || maskImp.getHeight() != imp.getHeight())
				throw new InpaintingException("The mask '" + title + "' is " + maskImp.getWidth() + "x" +
					maskImp.getHeight() + " but the image '" + imp.getTitle() + "' is " + imp.getWidth() + "x" +
					imp.getHeight() + ".");
			final int n = maskImp.getStackSize();
			if (n != 1 && n != imp.getStackSize())
				throw new InpaintingException("The mask '" + title + "' has " + n + " planes: use a mask with one plane, or with " +
					imp.getStackSize() + " planes like the image.");
			return new MaskImageHoles(imp, maskImp, convention);
		}

		@Override
		String describe() {
			return "the mask image " + RunRecord.source(maskImp) + " (holes: " + convention + ")" + (roi == null ? "" :
				" and its selection " + where(roi));
		}

		@Override
		ByteProcessor plane(final int stackIndex) {
			final ByteProcessor mask = ImagePlanes.holes(maskImp, stackIndex, convention);
			if (roi != null) fill(mask, roi);
			return mask;
		}
	}
}
