package org.misf.imagej;

import java.io.File;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** "Import MISF Checkpoint" as a SciJava command (Fiji); field names are the keys of {@link CheckpointImport}. */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>Inpainting>Import MISF Checkpoint",
	label = "Import MISF Checkpoint", description = "Turns a MISF .pth checkpoint into a model package")
public class ImportCheckpointCommand extends ContextCommand {

	@Parameter(label = "Checkpoint", style = "open", persist = false)
	private File checkpoint;

	@Parameter(label = "Folder", style = "directory", persist = false)
	private File folder;

	@Parameter(label = "Dataset", persist = false, required = false, description = "e.g. Places2, CelebA, Dunhuang")
	private String dataset = "";

	/** The package folder written (null when the import failed). */
	@Parameter(type = ItemIO.OUTPUT, required = false, label = "Model package")
	private String modelPackage;

	@Override
	public void run() {
		try {
			modelPackage = CheckpointImport.run(checkpoint == null ? null : checkpoint.getPath(), folder == null ? null :
				folder.getPath(), dataset).toString();
		}
		catch (final RuntimeException e) {
			cancel(UserMessages.failed(CheckpointImport.TITLE, e));
		}
	}
}
