package org.misf.imagej;

import java.util.ArrayList;
import java.util.List;

import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;
import ij.Undo;
import ij.process.ByteProcessor;
import ij.process.ImageProcessor;
import ij.process.ImageStatistics;

import org.misf.io.ImagePlanes;
import org.misf.core.CancelledException;
import org.misf.core.InpaintJob;
import org.misf.core.InpaintingReport;
import org.misf.model.Inpainter;
import org.misf.model.InpaintingException;

/**
 * "MISF Inpaint" on an {@link ImagePlus}: the one place that decides what both front-ends do.
 * <ul>
 * <li>Planes: the current plane, or all planes. A 3-channel (composite) image is inpainted as RGB, one
 * channel set (the three channels at one z, t) at a time; any other channel count is inpainted one
 * channel at a time as gray.</li>
 * <li>Intensities: 8-bit and RGB use 0..255; 16-bit and 32-bit use the data's range (for a channel set, the
 * range spanning its three channels), never the display range.</li>
 * <li>In place: only hole pixels change; Undo restores the current plane (or a single image / composite
 * image); changing several planes of a stack cannot be undone, as with ImageJ's own filters.
 * New image: a copy of the whole image with the chosen planes inpainted; the original is untouched.</li>
 * <li>Any error or Esc leaves the image exactly as it was (every plane already done is restored).</li>
 * </ul>
 */
public final class InpaintImage {

	public static final String TITLE = "MISF Inpaint";

	/** The sentence when there is no image to inpaint (no image open). */
	public static final String NO_IMAGE = "There is no image open: open the image to inpaint first.";

	/** Smallest width and height worth inpainting. */
	static final int MIN_SIZE = 4;

	private InpaintImage() {}

	/** What a run did: the image holding the result, the total of filled pixels and the planes done. */
	public static final class Outcome {

		private final ImagePlus image;
		private final long holePixels;
		private final int parts;
		private final int windows;
		private final long millis;

		Outcome(final ImagePlus image, final long holePixels, final int parts, final int windows, final long millis) {
			this.image = image;
			this.holePixels = holePixels;
			this.parts = parts;
			this.windows = windows;
			this.millis = millis;
		}

		/** The inpainted image: the input (in place) or the new copy. */
		public ImagePlus image() { return image; }

		public long holePixels() { return holePixels; }

		public int parts() { return parts; }

		/** The network's windows over all planes. */
		public int windows() { return windows; }

		@Override
		public String toString() {
			if (holePixels == 0) return "The mask is empty on the chosen planes: nothing to inpaint, the image is unchanged.";
			return String.format("Filled %d hole pixels in %d plane%s in %.1f s.", holePixels, parts,
				parts == 1 ? "" : "s", millis / 1000.0);
		}
	}

	/**
	 * Runs the settings on {@code imp}. Throws {@link InpaintingException} (one sentence, image
	 * unchanged) or {@link CancelledException} (Esc, image unchanged).
	 */
	public static Outcome run(final ImagePlus imp, final InpaintSettings settings, final InpainterSource models) {
		final long start = System.currentTimeMillis();
		check(imp);
		final PlaneMasks holes = PlaneMasks.of(imp, settings);
		final List<int[]> parts = parts(imp, settings.slices());
		final List<ByteProcessor> masks = new ArrayList<>();
		boolean anyHole = false;
		for (final int[] part : parts) {
			final ByteProcessor mask = holes.planes(part);
			anyHole |= mask.getStats().max > 0 || hasMissingData(imp, part);
			masks.add(mask);
		}
		if (!anyHole) return new Outcome(imp, 0, 0, 0, System.currentTimeMillis() - start);

		final boolean inPlace = settings.output() == OutputMode.IN_PLACE;
		final boolean palette = ImagePlanes.isPalette(imp);
		final String input = RunRecord.source(imp);
		final ImagePlus target = palette ? ImageCopies.inColours(imp, inPlace) : inPlace ? imp : ImageCopies.of(imp);
		final ImageStack stack = target.getStack();
		final RunRecord record = new RunRecord(input, RunRecord.pixels(stack, parts), holes.describe(), masks);
		final boolean changesImp = inPlace && !palette;
		final Object[] backup = changesImp ? backup(stack, parts) : null;
		final boolean undoCurrentPlane = changesImp && onlyTheCurrentPlane(imp, parts);
		if (changesImp) prepareUndo(imp, undoCurrentPlane);

		IJ.resetEscape();
		long filled = 0;
		int windows = 0;
		final Inpainter inpainter;
		try {
			inpainter = models.get(settings.model(), settings.device());
			for (int k = 0; k < parts.size(); k++) {
				final int[] part = parts.get(k);
				final ImageProcessor[] planes = new ImageProcessor[part.length];
				for (int c = 0; c < part.length; c++)
					planes[c] = stack.getProcessor(part[c]);
				final InpaintJob job = job(target, planes, settings.dilate()).toBuilder().progress(new ImageJProgress(TITLE,
					k, parts.size())).build();
				final ByteProcessor mask = masks.get(k);
				final InpaintingReport result = SharedInpainter.withPluginClassLoader(() -> inpainter.inpaint(ImagePlanes
					.of(planes), ImagePlanes.mask(mask), job));
				filled += result.holePixels();
				windows += result.windows();
			}
		}
		catch (final RuntimeException e) {
			if (changesImp) {
				restore(stack, parts, backup);
				Undo.reset();
			}
			else if (target != imp) target.close();
			throw e;
		}
		finally {
			IJ.showProgress(1.0);
		}

		if (changesImp) {
			if (undoCurrentPlane) Undo.setup(Undo.FILTER, imp);
			else if (!canUndoWhole(imp)) Undo.reset();
			imp.changes = true;
		}
		else if (inPlace) ImageCopies.takeColours(imp, target);
		final ImagePlus result = inPlace ? imp : target;
		result.updateAndDraw();
		final Outcome outcome = new Outcome(result, filled, parts.size(), windows, System.currentTimeMillis() - start);
		InfoRecord.append(result, settings, inpainter, outcome, record);
		IJ.showStatus(outcome.toString());
		return outcome;
	}

	private static void check(final ImagePlus imp) {
		if (imp == null) throw new InpaintingException(NO_IMAGE);
		if (imp.getWidth() < MIN_SIZE || imp.getHeight() < MIN_SIZE)
			throw new InpaintingException("'" + imp.getTitle() + "' is " + imp.getWidth() + "x" + imp.getHeight() +
				" pixels: inpainting needs an image of at least " + MIN_SIZE + "x" + MIN_SIZE + " pixels.");
		final int depth = imp.getBitDepth();
		if (depth != 8 && depth != 16 && depth != 32 && depth != 24)
			throw new InpaintingException("'" + imp.getTitle() + "' has an unsupported pixel type (" + depth + "-bit).");
		if (imp.getStackSize() > 1 && imp.getStack().isVirtual())
			throw new InpaintingException("'" + imp.getTitle() + "' is a virtual stack, whose planes are read from disk: " +
				"load it into memory first (Image > Duplicate).");
	}

	/** Whether a 3-channel image is treated as RGB channel sets. */
	static boolean isChannelSet(final ImagePlus imp) {
		return imp.getNChannels() == 3 && imp.getBitDepth() != 24;
	}

	/** The stack indices inpainted together, part by part (one index, or the 3 of a channel set). */
	static List<int[]> parts(final ImagePlus imp, final SliceChoice slices) {
		final List<int[]> parts = new ArrayList<>();
		if (isChannelSet(imp)) {
			if (slices == SliceChoice.CURRENT) parts.add(channelSet(imp, imp.getZ(), imp.getT()));
			else for (int t = 1; t <= imp.getNFrames(); t++)
				for (int z = 1; z <= imp.getNSlices(); z++)
					parts.add(channelSet(imp, z, t));
		}
		else if (slices == SliceChoice.CURRENT) parts.add(new int[] { imp.getCurrentSlice() });
		else for (int n = 1; n <= imp.getStackSize(); n++)
			parts.add(new int[] { n });
		return parts;
	}

	private static int[] channelSet(final ImagePlus imp, final int z, final int t) {
		return new int[] { imp.getStackIndex(1, z, t), imp.getStackIndex(2, z, t), imp.getStackIndex(3, z, t) };
	}

	/**
	 * Dilation plus, for 16-bit and 32-bit, the intensity range that maps to the network's [0, 1]: the data's
	 * range (min and max of the planes, NaN left out), never the display range, which is a viewing choice and
	 * would clip the fill.
	 */
	static InpaintJob job(final ImagePlus imp, final ImageProcessor[] planes, final int dilate) {
		final InpaintJob job = InpaintJob.builder().dilation(dilate).build();
		final int depth = imp.getBitDepth();
		if (depth == 8 || depth == 24) return job;
		double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
		for (final ImageProcessor ip : planes) {
			final ImageStatistics stats = ImageStatistics.getStatistics(ip, ImageStatistics.MIN_MAX, null);
			min = Math.min(min, stats.min);
			max = Math.max(max, stats.max);
		}
		if (Double.isNaN(min)) return job; // no data at all: every pixel is a hole (core/HoleRule)
		if (!(max > min)) max = min + 1;
		return job.toBuilder().range(min, max).build();
	}

	/** NaN pixels in a 32-bit plane: missing data, which core/HoleRule fills as holes whatever the mask. */
	private static boolean hasMissingData(final ImagePlus imp, final int[] part) {
		if (imp.getBitDepth() != 32) return false;
		for (final int index : part)
			for (final float v : (float[]) imp.getStack().getPixels(index))
				if (Float.isNaN(v)) return true;
		return false;
	}

	private static void prepareUndo(final ImagePlus imp, final boolean currentPlane) {
		if (currentPlane) imp.getProcessor().snapshot();
		else if (canUndoWhole(imp)) Undo.setup(Undo.TRANSFORM, imp);
	}

	/**
	 * Whether Edit &gt; Undo gives back what a run of {@code s} changes (a new image changes nothing): the one rule,
	 * which the dialog also uses to ask before a run that cannot be undone.
	 */
	static boolean undoable(final ImagePlus imp, final InpaintSettings s) {
		if (s.output() == OutputMode.NEW_IMAGE) return true;
		if (ImagePlanes.isPalette(imp)) return imp.getStackSize() == 1; // it becomes RGB: ImageCopies.takeColours
		return onlyTheCurrentPlane(imp, parts(imp, s.slices())) || canUndoWhole(imp);
	}

	private static boolean onlyTheCurrentPlane(final ImagePlus imp, final List<int[]> parts) {
		return parts.size() == 1 && parts.get(0).length == 1 && parts.get(0)[0] == imp.getCurrentSlice();
	}

	/** ImageJ keeps a whole copy for Undo only of single images and composite images. */
	private static boolean canUndoWhole(final ImagePlus imp) {
		return imp.getStackSize() == 1 || imp.getDisplayMode() == IJ.COMPOSITE;
	}

	private static Object[] backup(final ImageStack stack, final List<int[]> parts) {
		final Object[] copies = new Object[stack.getSize() + 1];
		for (final int[] part : parts)
			for (final int index : part)
				copies[index] = stack.getProcessor(index).duplicate().getPixels();
		return copies;
	}

	private static void restore(final ImageStack stack, final List<int[]> parts, final Object[] copies) {
		for (final int[] part : parts)
			for (final int index : part) {
				final Object pixels = stack.getPixels(index);
				System.arraycopy(copies[index], 0, pixels, 0, java.lang.reflect.Array.getLength(pixels));
			}
	}
}
