package org.misf.imagej;

import org.scijava.command.Command;
import org.scijava.plugin.Plugin;

/** "MISF Inpaint Log" as a SciJava command (Fiji): shows the session's table of <em>MISF Inpaint</em> runs. */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>Inpainting>MISF Inpaint Log",
	label = "MISF Inpaint Log", description = "Shows the table of this session's MISF Inpaint runs")
public class MisfLogCommand implements Command {

	@Override
	public void run() {
		InfoRecord.show();
	}
}
