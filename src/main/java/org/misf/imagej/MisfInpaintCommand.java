package org.misf.imagej;

import ij.ImagePlus;

import org.misf.model.InpaintingException;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.command.DynamicCommand;
import org.scijava.module.MutableModuleItem;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * "MISF Inpaint" as a SciJava command (Fiji). Its field names are the macro keys of
 * {@link InpaintSettings}, so the line the recorder writes replays here and in plain ImageJ 1.x
 * ({@link MisfInpaintPlugin}); in Fiji this command replaces the ImageJ 1.x entry of the same label.
 * Nothing persists between runs, so a headless run never reuses a value from a dialog.
 */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>Inpainting>MISF Inpaint",
	label = "MISF Inpaint", description = "Fills the holes of an image with MISF")
public class MisfInpaintCommand extends DynamicCommand {

	/**
	 * The active image, filled in by Fiji. Not required, so that with no image open the command itself says so and a
	 * {@code -batch} run ends with an exit code (SciJava would cancel a missing required input quietly).
	 */
	@Parameter(label = "Image", required = false)
	private ImagePlus imp;

	@Parameter(label = "Mask", persist = false, choices = { "Current selection", "ROI Manager", "Overlay",
		"Mask image" })
	private String mask = MaskSource.SELECTION.label();

	@Parameter(label = "Mask image", persist = false, required = false, initializer = "listMaskImages")
	private String mask_image = InpaintSettings.NO_MASK_IMAGE;

	@Parameter(label = "Model", persist = false, description = "\"default\", or a model package folder or zip")
	private String model = InpaintSettings.DEFAULT_MODEL;

	@Parameter(label = "Device", persist = false, choices = { "auto", "cpu", "gpu" })
	private String device = "auto";

	@Parameter(label = "Dilate (px)", persist = false, min = "0")
	private int dilate = 0;

	@Parameter(label = "Output", persist = false, choices = { "In place", "New image" })
	private String output = OutputMode.IN_PLACE.label();

	@Parameter(label = "Slices", persist = false, choices = { "Current", "All" })
	private String slices = SliceChoice.CURRENT.label();

	@Parameter(label = "Mask threshold", persist = false, description = "mask image values above it are holes; " +
		"0 = any non-zero value")
	private double mask_threshold = 0;

	@Parameter(label = "Invert mask (white = known)", persist = false)
	private boolean invert_mask = false;

	@Parameter(label = "Show changes", persist = false, description = "also a new image of the pixels that changed")
	private boolean show_changes = false;

	/** The pixels that changed (255), with show_changes; null otherwise. */
	@Parameter(type = ItemIO.OUTPUT, required = false, label = "Changes")
	private ImagePlus changes;

	/** The new image (output "New image"); null when the image was changed in place. */
	@Parameter(type = ItemIO.OUTPUT, required = false, label = "Inpainted")
	private ImagePlus inpainted;

	private InpainterSource models = SharedInpainter.INSTANCE;

	@Override
	public void run() {
		try {
			if (imp == null) throw new InpaintingException(InpaintImage.NO_IMAGE);
			final InpaintSettings settings = InpaintSettings.builder().maskSource(mask).maskImage(mask_image).model(model)
				.device(device).dilate(dilate).output(output).slices(slices).maskThreshold(mask_threshold).invertMask(
					invert_mask).showChanges(show_changes).build();
			MaskWarning.note(settings);
			final ij.ImageStack before = show_changes ? imp.getStack().duplicate() : null;
			final String title = imp.getTitle();
			final InpaintImage.Outcome outcome = InpaintImage.run(imp, settings, models);
			inpainted = outcome.image() == imp ? null : outcome.image();
			if (before != null) changes = ChangeView.of(before, outcome.image(), title);
			if (outcome.holePixels() == 0) UserMessages.note(InpaintImage.TITLE, outcome.toString());
		}
		catch (final RuntimeException e) {
			cancel(UserMessages.failed(InpaintImage.TITLE, e));
		}
	}

	/** Offers the open images (other than the one to inpaint) as mask images. */
	protected void listMaskImages() {
		final MutableModuleItem<String> item = getInfo().getMutableInput("mask_image", String.class);
		if (item != null && imp != null) item.setChoices(java.util.Arrays.asList(MisfInpaintPlugin.maskImageChoices(imp)));
	}

	/** For tests: the model source to use instead of the shared one. */
	void setModels(final InpainterSource models) {
		this.models = models;
	}
}
