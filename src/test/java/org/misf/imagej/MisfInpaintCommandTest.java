package org.misf.imagej;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ij.ImagePlus;
import ij.Macro;
import ij.gui.Roi;
import ij.process.ImageProcessor;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scijava.Context;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandService;
import org.scijava.module.Module;
import org.scijava.module.ModuleItem;
import org.scijava.module.ModuleService;

/** The SciJava command, run through a real {@link Context}'s CommandService, with a fake network. */
class MisfInpaintCommandTest {

	private static Context context;
	private static CommandService commands;
	private static ModuleService modules;

	@BeforeAll
	static void start() {
		context = new Context(CommandService.class, ModuleService.class);
		commands = context.service(CommandService.class);
		modules = context.service(ModuleService.class);
	}

	@AfterAll
	static void stop() {
		context.dispose();
	}

	@AfterEach
	void restoreImageJ() {
		InpaintImageFixtures.restoreImageJ();
	}

	private static CommandInfo info() {
		final CommandInfo info = commands.getCommand(MisfInpaintCommand.class);
		assertNotNull(info, "the command is in the plugin index");
		return info;
	}

	/** Runs the command with {@code inputs} (fully processed, as Fiji runs it) on {@code fake}. */
	static Module run(final FakeInpainter fake, final Map<String, Object> inputs) throws Exception {
		final Module module = modules.createModule(info());
		((MisfInpaintCommand) module.getDelegateObject()).setModels(fake);
		return modules.run(module, true, inputs).get();
	}

	/** What imagej-legacy's MacroPreprocessor does: each input takes the option named like its field. */
	static Map<String, Object> fromMacroOptions(final ImagePlus imp, final String options) {
		final Map<String, Object> inputs = new HashMap<>();
		inputs.put("imp", imp);
		for (final ModuleItem<?> item : info().inputs()) {
			final String value = Macro.getValue(options, item.getName(), null);
			if (value == null) continue;
			inputs.put(item.getName(), item.getType() == int.class ? (Object) Integer.valueOf(value) : value);
		}
		return inputs;
	}

	private static boolean isFilledByContext(final ModuleItem<?> item) {
		return Context.class.isAssignableFrom(item.getType()) ||
			org.scijava.service.Service.class.isAssignableFrom(item.getType());
	}

	@Test
	void isUnderPluginsInpaintingWithTheMacroKeysAsFieldNames() {
		final CommandInfo info = info();
		assertEquals("Plugins>Inpainting>MISF Inpaint", info.getMenuPath().getMenuString(true).replace(" > ", ">"));
		final List<String> names = new ArrayList<>();
		for (final ModuleItem<?> item : info.inputs()) {
			if (isFilledByContext(item)) continue;
			names.add(item.getName());
			if (!item.getName().equals("imp")) assertTrue(!item.isPersisted(), item.getName() + " must not persist");
		}
		assertEquals(Arrays.asList("imp", InpaintSettings.KEY_MASK, InpaintSettings.KEY_MASK_IMAGE,
			InpaintSettings.KEY_MODEL, InpaintSettings.KEY_DEVICE, InpaintSettings.KEY_DILATE, InpaintSettings.KEY_OUTPUT,
			InpaintSettings.KEY_SLICES, InpaintSettings.KEY_MASK_THRESHOLD, InpaintSettings.KEY_INVERT_MASK,
			InpaintSettings.KEY_SHOW_CHANGES), names);
		assertEquals(Arrays.asList(MaskSource.labels()), info.getInput("mask").getChoices());
		assertEquals(Arrays.asList(OutputMode.labels()), info.getInput("output").getChoices());
		assertEquals(Arrays.asList(SliceChoice.labels()), info.getInput("slices").getChoices());
		assertEquals(Arrays.asList(MisfInpaintPlugin.deviceLabels()), info.getInput("device").getChoices());
		assertTrue(info.canRunHeadless());
	}

	@Test
	void inPlaceWithExplicitInputs() throws Exception {
		final FakeInpainter fake = new FakeInpainter();
		final ImagePlus imp = InpaintImageFixtures.noise8("cmd", 24, 24, 1);
		final Roi roi = new Roi(3, 4, 7, 6);
		imp.setRoi(roi);
		final ImageProcessor before = imp.getProcessor().duplicate();
		final Map<String, Object> in = new HashMap<>();
		in.put("imp", imp);
		in.put("mask", "Current selection");
		in.put("model", "default");
		in.put("device", "cpu");
		in.put("dilate", 2);
		in.put("output", "In place");
		in.put("slices", "Current");
		final Module m = run(fake, in);
		assertTrue(!((MisfInpaintCommand) m).isCanceled(), String.valueOf(((MisfInpaintCommand) m).getCancelReason()));
		assertNull(m.getOutput("inpainted"));
		assertEquals(2, fake.jobs.get(0).dilation());
		InpaintImageFixtures.assertOnlyHolesChanged(before, imp.getProcessor(), InpaintImageFixtures.maskOf(roi, 24, 24));
	}

	@Test
	void showChangesGivesAnImageOfExactlyThePixelsThatChanged() throws Exception {
		final FakeInpainter fake = new FakeInpainter();
		final ImagePlus imp = InpaintImageFixtures.noise8("chg.png", 24, 24, 1);
		final Roi roi = new Roi(3, 4, 6, 5);
		imp.setRoi(roi);
		final byte[] before = (byte[]) imp.getProcessor().getPixelsCopy();
		final Map<String, Object> in = fromMacroOptions(imp, "mask=[Current selection]");
		in.put("show_changes", true);
		final Module m = run(fake, in);
		final ImagePlus changes = (ImagePlus) m.getOutput("changes");
		assertNotNull(changes);
		assertEquals("chg-changes.png", changes.getTitle());
		final byte[] c = (byte[]) changes.getProcessor().getPixels(), after = (byte[]) imp.getProcessor().getPixels();
		for (int i = 0; i < c.length; i++)
			assertEquals(before[i] != after[i], c[i] != 0, "pixel " + i);
		assertTrue(new String(c, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf((char) 255) >= 0);
	}

	@Test
	void badInputCancelsWithOneSentenceAndLeavesTheImage() throws Exception {
		final FakeInpainter fake = new FakeInpainter();
		final ImagePlus imp = InpaintImageFixtures.noise8("nosel", 12, 12, 1);
		final byte[] before = ((byte[]) imp.getProcessor().getPixelsCopy());
		final MisfInpaintCommand m = (MisfInpaintCommand) run(fake, fromMacroOptions(imp, "mask=[Current selection]"));
		assertTrue(m.isCanceled());
		assertTrue(m.getCancelReason().startsWith("There is no area selection on 'nosel'"), m.getCancelReason());
		assertArrayEquals(before, (byte[]) imp.getProcessor().getPixels());
		assertEquals(0, fake.opened);
	}

	@Test
	void theDefaultMacroLineGivesTheSameAsExplicitSettings() throws Exception {
		final ImagePlus a = InpaintImageFixtures.noise8("a", 20, 16, 1);
		final ImagePlus b = InpaintImageFixtures.noise8("b", 20, 16, 1);
		a.setRoi(new Roi(2, 3, 8, 5));
		b.setRoi(new Roi(2, 3, 8, 5));
		final FakeInpainter viaCommand = new FakeInpainter();
		run(viaCommand, fromMacroOptions(a,
			"mask=[Current selection] model=default device=auto dilate=1 output=[In place] slices=Current"));
		final FakeInpainter direct = new FakeInpainter();
		InpaintImage.run(b, InpaintSettings.builder().dilate(1).build(), direct);
		assertArrayEquals((byte[]) b.getProcessor().getPixels(), (byte[]) a.getProcessor().getPixels());
		assertEquals(1, viaCommand.jobs.get(0).dilation());
	}
}
