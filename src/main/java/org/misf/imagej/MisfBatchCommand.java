package org.misf.imagej;

import java.io.File;

import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** "MISF Batch" as a SciJava command (Fiji); field names are the macro keys of {@link MisfBatch}. */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>Inpainting>MISF Batch", label = "MISF Batch",
	description = "Inpaints every image of a folder where its mask (same name, other folder) is non-zero")
public class MisfBatchCommand extends ContextCommand {

	@Parameter(label = "Images", style = "directory", persist = false)
	private File images;

	@Parameter(label = "Masks", style = "directory", persist = false)
	private File masks;

	@Parameter(label = "Output", style = "directory", persist = false)
	private File output;

	@Parameter(label = "Model", persist = false)
	private String model = InpaintSettings.DEFAULT_MODEL;

	@Parameter(label = "Device", persist = false, choices = { "auto", "cpu", "gpu" })
	private String device = "auto";

	@Parameter(label = "Dilate (px)", persist = false, min = "0")
	private int dilate = 0;

	/** The summary line ("N inpainted, M skipped ..."), for scripts. */
	private String summary;

	@Override
	public void run() {
		try {
			summary = MisfBatch.run(path(images), path(masks), path(output), model, device, dilate);
		}
		catch (final RuntimeException e) {
			cancel(UserMessages.failed(MisfBatch.TITLE, e));
		}
	}

	private static String path(final File f) {
		return f == null ? null : f.getPath();
	}

	String summary() {
		return summary;
	}
}
