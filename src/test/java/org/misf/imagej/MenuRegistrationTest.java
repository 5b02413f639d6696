package org.misf.imagej;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.TreeMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ij.plugin.PlugIn;

import org.junit.jupiter.api.Test;
import org.scijava.Context;
import org.scijava.command.Command;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandService;

/**
 * Each command appears once in Fiji: imagej-legacy lets a SciJava command take over the ImageJ 1.x menu
 * item with the same label in the same menu, so every plugins.config entry must have a SciJava command of
 * this package with exactly that menu path, and the other way round.
 */
class MenuRegistrationTest {

	private static final Pattern ENTRY = Pattern.compile("^\\s*([^,#]+),\\s*\"([^\"]+)\",\\s*(\\S+)\\s*$");

	@Test
	void pluginsConfigAndSciJavaCommandsHaveTheSameMenuEntries() throws Exception {
		final Map<String, String> ij1 = new TreeMap<>();
		for (final String line : Files.readAllLines(Paths.get("plugins.config"), StandardCharsets.UTF_8)) {
			final Matcher m = ENTRY.matcher(line);
			if (!m.matches()) continue;
			final String path = m.group(1).trim() + ">" + m.group(2);
			final Class<?> c = Class.forName(m.group(3));
			assertTrue(PlugIn.class.isAssignableFrom(c), c + " is an ImageJ 1.x PlugIn");
			ij1.put(path, m.group(3));
		}
		final Map<String, String> sj = new TreeMap<>();
		try (Context context = new Context(CommandService.class)) {
			for (final CommandInfo info : context.service(CommandService.class).getCommandsOfType(Command.class)) {
				if (!info.getClassName().startsWith("org.misf.imagej.")) continue;
				sj.put(info.getMenuPath().getMenuString(true).replace(" > ", ">"), info.getClassName());
				assertTrue(info.canRunHeadless(), info.getClassName() + " runs headless");
			}
		}
		assertEquals(ij1.keySet(), sj.keySet());
		assertEquals(6, sj.size()); // Inpaint, Metrics, Batch, Import, Verify, Inpaint Log
	}
}
