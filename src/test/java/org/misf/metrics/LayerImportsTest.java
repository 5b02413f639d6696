package org.misf.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The layers of docs/ARCHITECTURE.md that are easy to break unnoticed, checked on the sources. */
class LayerImportsTest {

	/** What of org.misf a package's main sources name, as "File: org.misf.x.Y" lines. */
	private static List<String> uses(final String pkg, final Pattern forbidden) throws IOException {
		final List<String> found = new ArrayList<>();
		try (Stream<Path> files = Files.list(Paths.get("src/main/java/org/misf", pkg))) {
			for (final Path f : (Iterable<Path>) files.sorted()::iterator) {
				final Matcher m = forbidden.matcher(new String(Files.readAllBytes(f), StandardCharsets.UTF_8));
				while (m.find())
					found.add(f.getFileName() + ": " + m.group());
			}
		}
		return found;
	}

	@Test
	void metricsNeverNeedsTheInpainterOrTheEvaluation() throws IOException {
		assertEquals(List.of(), uses("metrics", Pattern.compile(
			"org\\.misf\\.(model\\.(Inpainter|Inpainters|TorchInpainter|InpaintOptions|InpaintResult)\\b|evaluation|" +
				"batch|io|cli|imagej|checkpoint)")));
	}

	@Test
	void theFrontEndsAreSiblings() throws IOException {
		assertEquals(List.of(), uses("imagej", Pattern.compile("org\\.misf\\.cli\\b")));
		assertEquals(List.of(), uses("cli", Pattern.compile("org\\.misf\\.imagej\\b")));
	}

	@Test
	void onlyEngineThreadsStartsPyTorch() throws IOException {
		final Pattern start = Pattern.compile("Engine\\.getEngine|NDManager\\.newBaseManager");
		for (final String pkg : new String[] { "core", "model", "metrics", "evaluation", "checkpoint", "io", "batch",
			"cli", "imagej" })
			for (final String use : uses(pkg, start))
				assertEquals(true, use.startsWith("EngineThreads.java: "), use + ": start the engine through " +
					"EngineThreads.engine(), so that its thread counts hold for the whole session");
	}

	@Test
	void filesUsesOnlyTheJdk() throws IOException {
		assertEquals(List.of(), uses("files", Pattern.compile("(?m)^import (?!java\\.)[\\w.]+;")));
	}

	@Test
	void coreUsesNoOtherLayer() throws IOException {
		assertEquals(List.of(), uses("core", Pattern.compile("import org\\.misf\\.(?!core\\.)[a-z]+")));
	}
}
