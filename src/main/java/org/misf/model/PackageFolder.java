package org.misf.model;

import java.nio.file.Path;

/**
 * An opened package of either kind: its folder, its checked descriptor and its weights, whose sha256 matched.
 * Made only by {@link PackageLocator}; {@link ModelPackage} (MISF) and {@code metrics.LpipsPackage} wrap one.
 */
public final class PackageFolder {

	private final Path root;
	private final String source;
	private final PackageDescriptor descriptor;
	private final Path weights;

	/** Reads the descriptor of the package in {@code root} and checks its weights against it. */
	PackageFolder(final Path root, final String source, final PackageDescriptor.Kind kind) {
		this.root = root;
		this.source = source;
		this.descriptor = PackageDescriptor.read(root.resolve(PackageDescriptor.FILE), kind, source);
		this.weights = PackageTrust.weights(root, descriptor, source);
	}

	/** The folder holding the package's files. */
	public Path root() { return root; }

	/** Where it was opened from, for messages: the folder or zip as given, or "default (id)". */
	public String source() { return source; }

	public PackageDescriptor descriptor() { return descriptor; }

	/** The weights, checked against the descriptor's sha256. */
	public Path weights() { return weights; }

	/** The {@code index}th test input ({@code output} false) or expected output; checked to exist. */
	public Path testFile(final boolean output, final int index) {
		return PackageTrust.testFile(root, descriptor, output, index, source);
	}
}
