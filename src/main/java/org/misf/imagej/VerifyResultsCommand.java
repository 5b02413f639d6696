package org.misf.imagej;

import java.io.File;

import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** "Verify MISF Results" as a SciJava command (Fiji); the field name is the macro key of {@link VerifyResults}. */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>Inpainting>Verify MISF Results",
	label = "Verify MISF Results", description = "Checks every result of an output folder against its record")
public class VerifyResultsCommand extends ContextCommand {

	@Parameter(label = "Output folder", style = "directory", persist = false)
	private File folder;

	/** The summary line, for scripts. */
	private String summary;

	@Override
	public void run() {
		try {
			summary = VerifyResults.run(folder == null ? null : folder.getPath());
		}
		catch (final RuntimeException e) {
			cancel(UserMessages.failed(VerifyResults.TITLE, e));
		}
	}

	String summary() {
		return summary;
	}
}
