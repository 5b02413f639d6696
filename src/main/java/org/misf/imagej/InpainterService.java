package org.misf.imagej;

import org.scijava.plugin.Plugin;
import org.scijava.service.AbstractService;
import org.scijava.service.SciJavaService;
import org.scijava.service.Service;

/**
 * Ties the model the Fiji commands keep open ({@link SharedInpainter}) to the SciJava {@code Context}: when the
 * Context is disposed (Fiji quits, a script's Context is closed) the network is closed and its native memory
 * freed, as SciJava services live and die with their Context. Plain ImageJ 1.x has no Context; there the model
 * lives as long as ImageJ.
 */
@Plugin(type = Service.class)
public final class InpainterService extends AbstractService implements SciJavaService {

	private SharedInpainter shared = SharedInpainter.INSTANCE;

	/** For tests: the shared model this service closes. */
	void closes(final SharedInpainter s) {
		shared = s;
	}

	@Override
	public void dispose() {
		shared.close();
	}
}
