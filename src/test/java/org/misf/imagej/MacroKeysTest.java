package org.misf.imagej;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scijava.Context;
import org.scijava.command.Command;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandService;
import org.scijava.module.ModuleItem;

/**
 * The macro keys of every command are the names of its SciJava fields, so one recorded macro line drives the
 * ImageJ 1.x dialog and the Fiji command alike; the constants that name them are the one list.
 */
class MacroKeysTest {

	private static Context context;
	private static CommandService commands;

	@BeforeAll
	static void start() {
		context = new Context(CommandService.class);
		commands = context.service(CommandService.class);
	}

	@AfterAll
	static void stop() {
		context.dispose();
	}

	private static List<String> inputs(final Class<? extends Command> c) {
		final CommandInfo info = commands.getCommand(c);
		final List<String> names = new ArrayList<>();
		for (final ModuleItem<?> item : info.inputs())
			if (!Context.class.isAssignableFrom(item.getType()) && !org.scijava.service.Service.class.isAssignableFrom(item
				.getType())) names.add(item.getName());
		return names;
	}

	@Test
	void metricsBatchAndImportUseTheirKeysAsFieldNames() {
		assertEquals(Arrays.asList(MetricsSettings.KEY_RESULT, MetricsSettings.KEY_REFERENCE, MetricsSettings.KEY_MASK,
			MetricsSettings.KEY_REGION, MetricsSettings.KEY_SCORING, MetricsSettings.KEY_SSIM, MetricsSettings.KEY_LPIPS,
			MetricsSettings.KEY_SLICES, MetricsSettings.KEY_CSV), inputs(InpaintingMetricsCommand.class));
		assertEquals(Arrays.asList(MisfBatch.KEY_IMAGES, MisfBatch.KEY_MASKS, MisfBatch.KEY_OUTPUT,
			MisfBatch.KEY_MODEL, MisfBatch.KEY_DEVICE, MisfBatch.KEY_DILATE), inputs(MisfBatchCommand.class));
		assertEquals(Arrays.asList(CheckpointImport.KEY_CHECKPOINT, CheckpointImport.KEY_FOLDER,
			CheckpointImport.KEY_DATASET), inputs(ImportCheckpointCommand.class));
		assertEquals(Arrays.asList(VerifyResults.KEY_FOLDER), inputs(VerifyResultsCommand.class));
	}
}
