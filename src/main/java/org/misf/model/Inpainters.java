package org.misf.model;

/** Creates {@link Inpainter}s. */
public final class Inpainters {

	private Inpainters() {}

	/**
	 * Loads the package's network on the device ({@link Device#resolve}), checks that it takes image[B,3,H,W] and
	 * mask[B,1,H,W] and returns [B,3,H,W], warms it up once and replays its test pair.
	 *
	 * @throws InpaintingException when the model cannot be loaded or a GPU is asked for but absent
	 */
	public static TorchInpainter open(final ModelPackage pkg, final Device device) {
		return new TorchInpainter(pkg, device);
	}
}
