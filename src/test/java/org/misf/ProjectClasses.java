package org.misf;

import java.net.URISyntaxException;
import java.util.Collections;
import java.util.Set;

import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.LocationProvider;

/** The project's compiled main classes, for ArchUnit rules (only them: not every jar on the class path). */
public final class ProjectClasses implements LocationProvider {

	@Override
	public Set<Location> get(final Class<?> testClass) {
		return Collections.singleton(location());
	}

	/** Where the main classes were compiled to. */
	static Location location() {
		try {
			return Location.of(ProjectClasses.class.getClassLoader().getResource("org/misf/core/MisfException.class")
				.toURI().resolve("../../.."));
		}
		catch (final URISyntaxException e) {
			throw new IllegalStateException(e);
		}
	}
}
