package org.misf.imagej;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ij.ImagePlus;
import ij.Macro;
import ij.WindowManager;
import ij.gui.Roi;
import ij.macro.Interpreter;
import ij.plugin.frame.Recorder;
import ij.process.ByteProcessor;

import org.scijava.Context;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandService;
import org.scijava.module.Module;
import org.scijava.module.ModuleItem;
import org.scijava.module.ModuleService;

/**
 * Run under Xvfb by {@link RecordReplayTest} (ImageJ 1.x dialogs need a display). For a few partial
 * option strings, it reads the real ImageJ 1.x dialog of "MISF Inpaint" with the macro recorder on,
 * takes the option string the recorder wrote, and replays it three ways on copies of one image with the
 * real default model: the ImageJ 1.x plugin, the SciJava command (inputs taken by field name, as
 * imagej-legacy does) and the settings read back from the recorded string. All must give identical
 * pixels. Prints one line per case and exits 1 on the first mismatch.
 */
public final class RecordReplayCheck {

	public static void main(final String[] args) throws Exception {
		// ImageJ 1.x hands macro options only to threads named like the ones that run commands
		Thread.currentThread().setName("Run$_record-replay");
		Interpreter.batchMode = true;
		final ImagePlus mask = new ImagePlus("damage mask", InpaintImageFixtures.noise8("m", 48, 40, 1).getProcessor()
			.convertToByteProcessor());
		((ByteProcessor) mask.getProcessor()).threshold(235);
		Interpreter.addBatchModeImage(mask);
		final List<String> cases = Arrays.asList("mask=[Current selection]",
			"mask=[Current selection] dilate=2 output=[New image]", "mask=[Mask image] mask_image=[damage mask] device=cpu",
			"mask=Overlay slices=All");
		final Context context = new Context(CommandService.class, ModuleService.class);
		int failures = 0;
		try {
			for (final String partial : cases) {
				final ImagePlus template = image();
				// 1) the dialog in macro mode, recorder on: what the recorder writes for this run
				Recorder.record = true;
				Recorder.recordInMacros = true;
				Recorder.resetCommandOptions();
				Macro.setOptions(partial);
				final InpaintSettings asked = MisfInpaintPlugin.ask(template);
				final String recorded = Recorder.getCommandOptions();
				Recorder.record = false;
				Macro.setOptions(null);
				// 2) replay the recorded string in the ImageJ 1.x plugin
				final ImagePlus viaPlugin = copy(template, "via plugin");
				Interpreter.addBatchModeImage(viaPlugin);
				WindowManager.setTempCurrentImage(viaPlugin);
				Macro.setOptions(recorded);
				new MisfInpaintPlugin().run("");
				final ImagePlus pluginResult = asked.output() == OutputMode.NEW_IMAGE ? WindowManager.getCurrentImage() :
					viaPlugin;
				Macro.setOptions(null);
				// 3) replay it in the SciJava command, each input taken from the option named like its field
				final ImagePlus viaCommand = copy(template, "via command");
				final ImagePlus commandResult = runCommand(context, viaCommand, recorded);
				// 4) the settings read back from the recording
				Macro.setOptions(recorded);
				final InpaintSettings replayed = MisfInpaintPlugin.ask(template);
				Macro.setOptions(null);
				final boolean sameSettings = replayed.toMacroOptions().equals(asked.toMacroOptions());
				final boolean identical = Arrays.equals((byte[]) pluginResult.getProcessor().getPixels(),
					(byte[]) commandResult.getProcessor().getPixels());
				final boolean changed = !Arrays.equals((byte[]) template.getProcessor().getPixels(), (byte[]) commandResult
					.getProcessor().getPixels());
				final boolean ok = sameSettings && identical && changed && recorded != null;
				System.out.println((ok ? "OK   " : "FAIL ") + "typed: " + partial + " | recorded: " + recorded +
					" | same settings " + sameSettings + ", identical pixels " + identical + ", changed " + changed);
				if (!ok) failures++;
			}
		}
		finally {
			context.dispose();
			SharedInpainter.INSTANCE.close();
		}
		System.out.println(failures == 0 ? "ALL REPLAYED" : failures + " FAILED");
		System.exit(failures == 0 ? 0 : 1);
	}

	/** A 48x40 gray image with a selection and an overlay ROI. */
	private static ImagePlus image() {
		final ImagePlus imp = InpaintImageFixtures.noise8("record", 48, 40, 1);
		ij.process.ImageProcessor ip = imp.getProcessor();
		ip.blurGaussian(2);
		imp.setRoi(new Roi(10, 8, 12, 10));
		final ij.gui.Overlay overlay = new ij.gui.Overlay(new Roi(30, 20, 8, 8));
		imp.setOverlay(overlay);
		return imp;
	}

	private static ImagePlus copy(final ImagePlus template, final String title) {
		final ImagePlus imp = new ImagePlus(title, template.getProcessor().duplicate());
		imp.setRoi((Roi) template.getRoi().clone());
		imp.setOverlay(template.getOverlay().duplicate());
		return imp;
	}

	private static ImagePlus runCommand(final Context context, final ImagePlus imp, final String options)
		throws Exception
	{
		final ModuleService modules = context.service(ModuleService.class);
		final CommandInfo info = context.service(CommandService.class).getCommand(MisfInpaintCommand.class);
		final Map<String, Object> inputs = new HashMap<>();
		inputs.put("imp", imp);
		for (final ModuleItem<?> item : info.inputs()) {
			final String value = Macro.getValue(options, item.getName(), null);
			if (value != null) inputs.put(item.getName(), item.getType() == int.class ? (Object) Integer.valueOf(value) :
				value);
		}
		final Module module = modules.run(info, true, inputs).get();
		final Object out = module.getOutput("inpainted");
		return out != null ? (ImagePlus) out : imp;
	}
}
