package org.misf.cli;

import org.misf.core.ProductVersion;

import picocli.CommandLine;

/** {@code --version}: the product and the jar's version. */
final class Version implements CommandLine.IVersionProvider {

	@Override
	public String[] getVersion() {
		return new String[] { ProductVersion.NAME + " " + ProductVersion.version() };
	}
}
