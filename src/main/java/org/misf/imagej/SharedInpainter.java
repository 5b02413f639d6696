package org.misf.imagej;

import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Supplier;

import org.misf.model.Device;
import org.misf.model.Inpainter;
import org.misf.model.Inpainters;
import org.misf.model.ModelPackage;

/**
 * Keeps the last loaded model open between runs, so a macro over many images loads the network once.
 * Asking for another model or device closes the previous one; {@link #close} (the SciJava Context's end, through
 * {@link InpainterService}) frees it. All use goes through {@link #call}, which
 * also makes the plugin's own class loader the context class loader: DJL finds its engine and native
 * library through it, and ImageJ 1.x loads plugins with a class loader of its own.
 */
public final class SharedInpainter implements InpainterSource {

	/** The one kept model of the Fiji commands; {@link InpainterService} closes it with the SciJava Context. */
	public static final SharedInpainter INSTANCE = new SharedInpainter((model, device) -> Inpainters.open(ModelPackage
		.open(model), device));

	private final BiFunction<String, Device, Inpainter> opener;
	private Inpainter inpainter;
	private String key;

	/** @param opener loads a model ("default" or a package path) on a device */
	SharedInpainter(final BiFunction<String, Device, Inpainter> opener) {
		this.opener = opener;
	}

	@Override
	public synchronized Inpainter get(final String model, final Device device) {
		final String wanted = model + "|" + device;
		if (inpainter != null && Objects.equals(key, wanted)) return inpainter;
		close();
		inpainter = withPluginClassLoader(() -> opener.apply(model, device));
		key = wanted;
		return inpainter;
	}

	/** Closes the kept model (it is reloaded on the next run). */
	public synchronized void close() {
		if (inpainter != null) inpainter.close();
		inpainter = null;
		key = null;
	}

	/** Runs {@code work} with this plugin's class loader as the thread's context class loader. */
	public static <T> T withPluginClassLoader(final Supplier<T> work) {
		final Thread thread = Thread.currentThread();
		final ClassLoader previous = thread.getContextClassLoader();
		thread.setContextClassLoader(SharedInpainter.class.getClassLoader());
		try {
			return work.get();
		}
		finally {
			thread.setContextClassLoader(previous);
		}
	}
}
