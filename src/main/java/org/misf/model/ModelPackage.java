package org.misf.model;

import java.nio.file.Path;

/**
 * A model package (DESIGN section 6): a folder or zip with model.pt (TorchScript), model.yaml
 * (descriptor) and a test pair. To be implemented by the engine: open, verify sha256, read descriptor.
 */
public final class ModelPackage {

	private ModelPackage() {}

	/** The shipped default package ("misf-w16"), from the jar or the repository's models/ folder. */
	public static ModelPackage defaultPackage() {
		throw new UnsupportedOperationException("not implemented yet");
	}

	/** Opens and checks a package folder or zip; "default" means {@link #defaultPackage()}. */
	public static ModelPackage open(final Path folderOrZip) {
		throw new UnsupportedOperationException("not implemented yet");
	}
}
