package org.misf.model;

/** Where the network runs. AUTO takes the GPU when one is usable, else the CPU. */
public enum Device {
	AUTO, CPU, GPU;

	/** Parses "auto", "cpu" or "gpu" (any case); anything else is an {@link InpaintingException}. */
	public static Device parse(final String s) {
		for (final Device d : values())
			if (d.name().equalsIgnoreCase(s.trim())) return d;
		throw new InpaintingException("Unknown device '" + s + "': use auto, cpu or gpu.");
	}
}
