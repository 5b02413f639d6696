package org.misf.model;

/** Creates {@link Inpainter}s. To be implemented by the engine. */
public final class Inpainters {

	private Inpainters() {}

	/** Loads the package's network on the device (warms it up once). */
	public static Inpainter open(final ModelPackage pkg, final Device device) {
		throw new UnsupportedOperationException("not implemented yet");
	}
}
