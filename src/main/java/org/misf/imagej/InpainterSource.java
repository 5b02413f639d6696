package org.misf.imagej;

import org.misf.model.Device;
import org.misf.model.Inpainter;

/**
 * Gives an open {@link Inpainter} for a model ("default" or a package path) on a device. The caller
 * borrows it for one run and does not close it: the source owns it (and may keep it for the next run).
 */
@FunctionalInterface
public interface InpainterSource {

	Inpainter get(String model, Device device);
}
