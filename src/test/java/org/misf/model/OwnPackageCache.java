package org.misf.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import org.misf.files.StaleWork;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * {@code @ExtendWith(OwnPackageCache.class)}: the class's packages are extracted into a fresh cache folder of its own
 * ({@code misf.cache}), and the cache of the rest of the test run is given back after the class.
 */
final class OwnPackageCache implements BeforeAllCallback, AfterAllCallback {

	private static final String PROPERTY = "misf.cache";
	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(OwnPackageCache.class);

	/** The cache folder of the class that is running. */
	static Path folder() {
		return Paths.get(System.getProperty(PROPERTY));
	}

	@Override
	public void beforeAll(final ExtensionContext context) throws IOException {
		final String before = System.getProperty(PROPERTY);
		if (before != null) context.getStore(NAMESPACE).put(PROPERTY, before);
		System.setProperty(PROPERTY, Files.createTempDirectory("misf-test-cache").resolve("cache").toString());
	}

	@Override
	public void afterAll(final ExtensionContext context) {
		final String before = context.getStore(NAMESPACE).get(PROPERTY, String.class);
		StaleWork.deleteTree(folder().getParent());
		if (before == null) System.clearProperty(PROPERTY);
		else System.setProperty(PROPERTY, before);
	}
}
