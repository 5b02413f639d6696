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
	private final boolean showChanges;

	private InpaintSettings(final Builder b) {
		if (!Double.isFinite(b.maskThreshold)) throw new InpaintingException("The mask threshold must be a number.");
		if (b.dilate < 0) throw new InpaintingException("Dilate must be 0 or more pixels, not " + b.dilate + ".");
		if (b.maskSource == MaskSource.MASK_IMAGE && (b.maskImage == null || b.maskImage.isEmpty() || NO_MASK_IMAGE
			.equals(b.maskImage))) throw new InpaintingException(
				"The mask source is a mask image, but no mask image was chosen.");
		this.maskSource = b.maskSource;
		this.maskImage = b.maskImage == null || b.maskImage.isEmpty() ? NO_MASK_IMAGE : b.maskImage;
		this.model = ModelPackage.isDefaultWord(b.model) ? DEFAULT_MODEL : b.model.trim();
		this.device = b.device;
		this.dilate = b.dilate;
		this.output = b.output;
		this.slices = b.slices;
		this.maskThreshold = b.maskThreshold;
		this.invertMask = b.invertMask;
		this.showChanges = b.showChanges;
	}

	/** The defaults of a fresh dialog: current selection, default model, automatic device, in place, current slice. */
	public static Builder builder() {
		return new Builder();
	}

	/** A builder holding these settings, to change some of them. */
	public Builder toBuilder() {
		return builder().maskSource(maskSource).maskImage(maskImage).model(model).device(device).dilate(dilate).output(
			output).slices(slices).maskThreshold(maskThreshold).invertMask(invertMask).showChanges(showChanges);
	}

	/** The defaults of a fresh dialog (see {@link #builder()}). */
	public static InpaintSettings defaults() {
		return builder().build();
	}

	/**
	 * Sets the choices of a run, as values or as the words a dialog or a macro gives (a wrong word is an
	 * {@link InpaintingException} naming the choices); {@link #build} checks them together.
	 */
	public static final class Builder {

		private MaskSource maskSource = MaskSource.SELECTION;
		private String maskImage = NO_MASK_IMAGE;
		private String model = DEFAULT_MODEL;
		private Device device = Device.AUTO;
		private int dilate;
		private OutputMode output = OutputMode.IN_PLACE;
		private SliceChoice slices = SliceChoice.CURRENT;
		private double maskThreshold;
		private boolean invertMask;
		private boolean showChanges;

		private Builder() {}

		public Builder maskSource(final MaskSource source) {
			maskSource = source;
			return this;
		}

		public Builder maskSource(final String word) {
			return maskSource(MaskSource.parse(word));
		}

		/** The title of the open mask image (mask source {@link MaskSource#MASK_IMAGE}). */
		public Builder maskImage(final String title) {
			maskImage = title;
			return this;
		}

		/** "default" (any case, or blank) or a model package folder or zip. */
		public Builder model(final String folderOrZip) {
			model = folderOrZip;
			return this;
		}

		public Builder device(final Device d) {
			device = d;
			return this;
		}

		public Builder device(final String word) {
			return device(Device.parse(word));
		}

		public Builder dilate(final int px) {
			dilate = px;
			return this;
		}

		public Builder output(final OutputMode mode) {
			output = mode;
			return this;
		}

		public Builder output(final String word) {
			return output(OutputMode.parse(word));
		}

		public Builder slices(final SliceChoice choice) {
			slices = choice;
			return this;
		}

		public Builder slices(final String word) {
			return slices(SliceChoice.parse(word));
		}

		/** Mask image values above it are holes; 0 = every non-zero value. */
		public Builder maskThreshold(final double threshold) {
			maskThreshold = threshold;
			return this;
		}

		/** Holes where the mask image is not above the threshold (white = known). */
		public Builder invertMask(final boolean invert) {
			invertMask = invert;
			return this;
		}

		/** Also show the pixels that changed, as a new 8-bit image. */
		public Builder showChanges(final boolean show) {
			showChanges = show;
			return this;
		}

		public InpaintSettings build() {
			return new InpaintSettings(this);
		}
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
