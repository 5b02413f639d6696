package org.misf.imagej;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import ij.IJ;
import ij.ImagePlus;
import ij.Macro;
import ij.WindowManager;
import ij.gui.GenericDialog;
import ij.plugin.PlugIn;

import org.misf.model.Device;
import org.misf.model.InpaintingException;

/**
 * "MISF Inpaint" for ImageJ 1.x (registered in {@code plugins.config}). The dialog's labels start
 * with the macro keys of {@link InpaintSettings}, so a recorded line replays here and in Fiji, where
 * {@link MisfInpaintCommand} takes over the same menu entry. Outside macros the dialog remembers the
 * last choices; in a macro, keys left out take the fixed defaults.
 */
public class MisfInpaintPlugin implements PlugIn {

	private static InpaintSettings last = InpaintSettings.defaults();

	/**
	 * The dialog's Help: the essentials of README, "Fiji and ImageJ" and macros/README.md. Its body has a fixed width,
	 * so that ImageJ's help window, which takes the text's preferred size, is as tall as the wrapped text.
	 */
	static final String HELP = "<html><body style='width:480px'><h3>MISF Inpaint</h3>" +
		"<p>Fills the holes of the image with the MISF network; only hole pixels change.</p><ul>" +
		"<li><b>Mask</b>: the selection, every area or line ROI of the ROI Manager or overlay, or a mask image.</li>" +
		"<li><b>Mask image</b>: its pixels above <b>Mask threshold</b> are holes (0 = any non-zero value; 100 suits " +
		"JPEG masks, and the dialog warns when a mask has more than two values). <b>Invert mask</b> for masks where " +
		"white means known (Dunhuang).</li>" +
		"<li><b>Model</b>: <i>default</i>, or a model package folder (what Import MISF Checkpoint makes) or zip.</li>" +
		"<li><b>Device</b>: auto uses a GPU when the CUDA build sees one; gpu fails with a sentence when none is seen.</li>" +
		"<li><b>Dilate</b>: grows every hole first, to cover damage edges.</li>" +
		"<li><b>Output</b>: in place (Edit &gt; Undo) or a new image. <b>Slices</b>: the shown plane or all.</li>" +
		"</ul><p>16- and 32-bit images use their data's range, never the display range; NaN pixels are holes; palette " +
		"images are filled in their colours (the result is RGB). Each run is recorded in Image &gt; Show Info and in " +
		"Plugins &gt; Inpainting &gt; MISF Inpaint Log. Esc stops and leaves the image unchanged. " +
		"Macro keys: macros/README.md of the plugin's sources.</p></body></html>";

	@Override
	public void run(final String arg) {
		BatchRun.noDialogs();
		final ImagePlus imp = WindowManager.getCurrentImage();
		if (imp == null) {
			UserMessages.failed(InpaintImage.TITLE, new InpaintingException(InpaintImage.NO_IMAGE));
			return;
		}
		final InpaintSettings settings;
		try {
			settings = ask(imp);
			if (settings == null) return;
		}
		catch (final RuntimeException e) {
			UserMessages.failed(InpaintImage.TITLE, e);
			return;
		}
		if (!UserMessages.confirmNoUndo(imp, settings)) return;
		if (Macro.getOptions() != null) MaskWarning.note(settings); // a dialog shows it as the mask is chosen
		try {
			final ij.ImageStack before = settings.showChanges() ? imp.getStack().duplicate() : null;
			final String title = imp.getTitle();
			final InpaintImage.Outcome outcome = InpaintImage.run(imp, settings, SharedInpainter.INSTANCE);
			if (outcome.image() != imp) outcome.image().show();
			if (before != null) ChangeView.of(before, outcome.image(), title).show();
			IJ.showStatus(outcome.toString());
			if (outcome.holePixels() == 0) UserMessages.note(InpaintImage.TITLE, outcome.toString());
		}
		catch (final RuntimeException e) {
			UserMessages.failed(InpaintImage.TITLE, e);
		}
	}

	/** Shows (or, in a macro, reads) the dialog; null when cancelled. */
	static InpaintSettings ask(final ImagePlus imp) {
		final boolean macro = Macro.getOptions() != null;
		final InpaintSettings d = macro ? InpaintSettings.defaults() : last;
		final String[] maskImages = maskImageChoices(imp);
		// a macro's keys left out take the fixed defaults: no mask image is guessed for it
		final String maskImage = macro ? InpaintSettings.NO_MASK_IMAGE : defaultMaskImage(maskImages, d.maskImage());
		final MaskSource source = macro ? d.maskSource() : defaultSource(imp, d.maskSource(), maskImage);
		final GenericDialog gd = new GenericDialog(InpaintImage.TITLE);
		gd.addChoice("Mask", MaskSource.labels(), source.label());
		gd.addChoice("Mask_image", maskImages, maskImage);
		gd.addFileField("Model", d.model(), 30);
		gd.addChoice("Device", deviceLabels(), d.device().name().toLowerCase(Locale.ROOT));
		gd.addNumericField("Dilate", d.dilate(), 0, 4, "px");
		gd.addChoice("Output", OutputMode.labels(), d.output().label());
		gd.addChoice("Slices", SliceChoice.labels(), d.slices().label());
		gd.addNumericField("Mask_threshold", d.maskThreshold(), 0, 6, "(0 = any non-zero value is a hole)");
		gd.addCheckbox("Invert_mask (white = known)", d.invertMask());
		gd.addCheckbox("Show_changes (a new image of the pixels that changed)", d.showChanges());
		gd.addMessage("Holes: the selection, all ROIs of the ROI Manager, the overlay, or the pixels of a mask\n" +
			"image above the threshold. Press Esc to stop; the image then stays unchanged.");
		if (!macro && maskImages.length > 1) MaskCheckLine.add(gd);
		gd.addHelp(HELP);
		gd.showDialog();
		if (gd.wasCanceled()) return null;
		final String mask = gd.getNextChoice();
		final String chosenMaskImage = gd.getNextChoice();
		final String model = gd.getNextString();
		final String device = gd.getNextChoice();
		final double dilate = gd.getNextNumber();
		final String output = gd.getNextChoice();
		final String slices = gd.getNextChoice();
		final double threshold = gd.getNextNumber();
		final boolean invert = gd.getNextBoolean();
		final boolean changes = gd.getNextBoolean();
		if (gd.invalidNumber() || dilate != Math.rint(dilate))
			throw new InpaintingException("Dilate must be a whole number of pixels and the mask threshold a number.");
		final InpaintSettings settings = InpaintSettings.builder().maskSource(mask).maskImage(chosenMaskImage).model(
			model).device(device).dilate((int) dilate).output(output).slices(slices).maskThreshold(threshold).invertMask(
				invert).showChanges(changes).build();
		if (!macro) last = settings;
		return settings;
	}

	static String[] deviceLabels() {
		final Device[] devices = Device.values();
		final String[] labels = new String[devices.length];
		for (int i = 0; i < devices.length; i++)
			labels[i] = devices[i].name().toLowerCase();
		return labels;
	}

	/** "None" and the titles of the open images other than {@code imp}. */
	static String[] maskImageChoices(final ImagePlus imp) {
		final List<String> titles = new ArrayList<>();
		titles.add(InpaintSettings.NO_MASK_IMAGE);
		for (final String title : WindowManager.getImageTitles())
			if (!title.equals(imp.getTitle())) titles.add(title);
		return titles.toArray(new String[0]);
	}

	/** The previous choice if still open, else an open image whose title says "mask", else "None". */
	static String defaultMaskImage(final String[] choices, final String previous) {
		for (final String c : choices)
			if (c.equals(previous) && !c.equals(InpaintSettings.NO_MASK_IMAGE)) return c;
		for (final String c : choices)
			if (c.toLowerCase(Locale.ROOT).contains("mask")) return c;
		return InpaintSettings.NO_MASK_IMAGE;
	}

	/**
	 * The previous mask source, except that a mask image is offered when the previous source was the selection,
	 * the image has none and an open image says it is a mask.
	 */
	static MaskSource defaultSource(final ImagePlus imp, final MaskSource previous, final String maskImage) {
		final ij.gui.Roi roi = imp.getRoi();
		final boolean selection = roi != null && (roi.isArea() || roi.isLine());
		if (previous == MaskSource.SELECTION && !selection && !maskImage.equals(InpaintSettings.NO_MASK_IMAGE))
			return MaskSource.MASK_IMAGE;
		return previous;
	}
}
