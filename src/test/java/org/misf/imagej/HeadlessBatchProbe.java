package org.misf.imagej;

import java.util.HashMap;
import java.util.Map;

import org.scijava.Context;
import org.scijava.command.CommandService;
import org.scijava.module.ModuleService;

/**
 * Run by {@link HeadlessCommandsTest} as Fiji's {@code --headless -batch} runs our SciJava commands: a headless JVM
 * whose command line holds {@code -batch}, the commands run through a real Context's module service. Arguments:
 * {@code -batch no-image} (MISF Inpaint with no image open) or {@code -batch folder IMAGES MASKS OUTPUT} (MISF Batch).
 * A failing command ends the process itself; if the command returns, this prints how and exits 0.
 */
public final class HeadlessBatchProbe {

	public static void main(final String[] args) throws Exception {
		final Context context = new Context(CommandService.class, ModuleService.class);
		final ModuleService modules = context.service(ModuleService.class);
		final CommandService commands = context.service(CommandService.class);
		final Map<String, Object> inputs = new HashMap<>();
		final Class<? extends org.scijava.command.Command> command;
		if (args[1].equals("no-image")) {
			command = MisfInpaintCommand.class;
			inputs.put("mask", "Current selection");
		}
		else {
			command = MisfBatchCommand.class;
			inputs.put("images", new java.io.File(args[2]));
			inputs.put("masks", new java.io.File(args[3]));
			inputs.put("output", new java.io.File(args[4]));
		}
		modules.run(modules.createModule(commands.getCommand(command)), true, inputs).get();
		System.out.println("the command returned");
		System.exit(0);
	}
}
