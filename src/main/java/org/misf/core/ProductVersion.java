package org.misf.core;

/** This software's name and version, as records, logs and {@code --version} print them. */
public final class ProductVersion {

	/** The product's name. */
	public static final String NAME = "MISF for Fiji";

	private ProductVersion() {}

	/** The jar's Implementation-Version, or "development build" when run from classes (tests, an IDE). */
	public static String version() {
		final Package p = ProductVersion.class.getPackage();
		return p == null || p.getImplementationVersion() == null ? "development build" : p.getImplementationVersion();
	}
}
