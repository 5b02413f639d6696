package org.misf.imagej;

import org.misf.core.MaskConvention;
import org.misf.model.ModelPackage;

import org.misf.model.Device;
import org.misf.model.InpaintingException;

/**
 * The choices of one "MISF Inpaint" run, as both front-ends (the ImageJ 1.x dialog and the SciJava
 * command) read them. The constants are the macro keys: the ImageJ 1.x dialog labels start with them
 * and the SciJava command's fields carry exactly these names, so one macro line drives both.
 */
public final class InpaintSettings {

	public static final String KEY_MASK = "mask";
	public static final String KEY_MASK_IMAGE = "mask_image";
	public static final String KEY_MODEL = "model";
	public static final String KEY_DEVICE = "device";
	public static final String KEY_DILATE = "dilate";
	public static final String KEY_OUTPUT = "output";
	public static final String KEY_SLICES = "slices";
	public static final String KEY_MASK_THRESHOLD = "mask_threshold";
	public static final String KEY_INVERT_MASK = "invert_mask";
	public static final String KEY_SHOW_CHANGES = "show_changes";

	/** The model value that means the shipped default package. */
	public static final String DEFAULT_MODEL = ModelPackage.DEFAULT_WORD;

	/** Shown and recorded as the mask image when the mask source is not a mask image. */
	public static final String NO_MASK_IMAGE = "None";

	private final MaskSource maskSource;
	private final String maskImage;
	private final String model;
	private final Device device;
	private final int dilate;
	private final OutputMode output;
	private final SliceChoice slices;
	private final double maskThreshold;
	private final boolean invertMask;
	private boolean showChanges;

	public InpaintSettings(final MaskSource maskSource, final String maskImage, final String model,
		final Device device, final int dilate, final OutputMode output, final SliceChoice slices)
	{
		this(maskSource, maskImage, model, device, dilate, output, slices, 0, false);
	}

	/**
	 * @param maskThreshold mask image values above it are holes; 0 = every non-zero value
	 * @param invertMask holes where the mask image is not above the threshold (white = known)
	 */
	public InpaintSettings(final MaskSource maskSource, final String maskImage, final String model,
		final Device device, final int dilate, final OutputMode output, final SliceChoice slices,
		final double maskThreshold, final boolean invertMask)
	{
		if (!Double.isFinite(maskThreshold)) throw new InpaintingException("The mask threshold must be a number.");
		this.maskThreshold = maskThreshold;
		this.invertMask = invertMask;
		if (dilate < 0) throw new InpaintingException("Dilate must be 0 or more pixels, not " + dilate + ".");
		if (maskSource == MaskSource.MASK_IMAGE && (maskImage == null || maskImage.isEmpty() ||
			NO_MASK_IMAGE.equals(maskImage)))
			throw new InpaintingException("The mask source is a mask image, but no mask image was chosen.");
		this.maskSource = maskSource;
		this.maskImage = maskImage == null || maskImage.isEmpty() ? NO_MASK_IMAGE : maskImage;
		this.model = ModelPackage.isDefaultWord(model) ? DEFAULT_MODEL : model.trim();
		this.device = device;
		this.dilate = dilate;
		this.output = output;
		this.slices = slices;
	}

	/** Reads the words a dialog or a macro gives; a wrong word is an {@link InpaintingException}. */
	public static InpaintSettings parse(final String mask, final String maskImage, final String model,
		final String device, final int dilate, final String output, final String slices)
	{
		return parse(mask, maskImage, model, device, dilate, output, slices, 0, false);
	}

	/** The same with the mask image's threshold and inversion. */
	public static InpaintSettings parse(final String mask, final String maskImage, final String model,
		final String device, final int dilate, final String output, final String slices, final double maskThreshold,
		final boolean invertMask)
	{
		return new InpaintSettings(MaskSource.parse(mask), maskImage, model, Device.parse(device), dilate,
			OutputMode.parse(output), SliceChoice.parse(slices), maskThreshold, invertMask);
	}

	/** The defaults of a fresh dialog: current selection, default model, automatic device, in place, current slice. */
	public static InpaintSettings defaults() {
		return new InpaintSettings(MaskSource.SELECTION, NO_MASK_IMAGE, DEFAULT_MODEL, Device.AUTO, 0,
			OutputMode.IN_PLACE, SliceChoice.CURRENT);
	}

	public MaskSource maskSource() { return maskSource; }

	/** Title of the mask image, or {@link #NO_MASK_IMAGE}. */
	public String maskImage() { return maskImage; }

	/** "default" or a path to a model package folder or zip. */
	public String model() { return model; }

	public Device device() { return device; }

	public int dilate() { return dilate; }

	public OutputMode output() { return output; }

	public SliceChoice slices() { return slices; }

	/** Mask image values above it are holes; 0 = every non-zero value. */
	public double maskThreshold() { return maskThreshold; }

	public boolean invertMask() { return invertMask; }

	/** Whether to also show the pixels that changed, as a new 8-bit image. */
	public boolean showChanges() { return showChanges; }

	/** The same settings with {@link #showChanges()} set. */
	public InpaintSettings withShowChanges(final boolean show) {
		final InpaintSettings s = new InpaintSettings(maskSource, maskImage, model, device, dilate, output, slices,
			maskThreshold, invertMask);
		s.showChanges = show;
		return s;
	}

	/** How a mask image's values mark holes. */
	public MaskConvention maskConvention() {
		return new MaskConvention(maskThreshold == 0 ? Double.NaN : maskThreshold, invertMask);
	}

	/** The option string of a macro {@code run("MISF Inpaint", ...)} call with these settings. */
	public String toMacroOptions() {
		final StringBuilder sb = new StringBuilder();
		option(sb, KEY_MASK, maskSource.label());
		if (maskSource == MaskSource.MASK_IMAGE) option(sb, KEY_MASK_IMAGE, maskImage);
		option(sb, KEY_MODEL, model);
		option(sb, KEY_DEVICE, device.name().toLowerCase());
		option(sb, KEY_DILATE, Integer.toString(dilate));
		option(sb, KEY_OUTPUT, output.label());
		option(sb, KEY_SLICES, slices.label());
		if (maskThreshold != 0) option(sb, KEY_MASK_THRESHOLD, maskThreshold == Math.rint(maskThreshold) ? Long.toString(
			(long) maskThreshold) : Double.toString(maskThreshold));
		if (invertMask) sb.append(KEY_INVERT_MASK).append(' ');
		if (showChanges) sb.append(KEY_SHOW_CHANGES).append(' ');
		return sb.toString().trim();
	}

	private static void option(final StringBuilder sb, final String key, final String value) {
		sb.append(key).append('=').append(value.contains(" ") ? "[" + value + "]" : value).append(' ');
	}

	@Override
	public String toString() {
		return toMacroOptions();
	}
}
