package org.misf.model;

import org.misf.core.MisfException;

/**
 * Where a network runs: the user's word and the one place that turns it into DJL's device, for MISF and LPIPS
 * alike. AUTO takes the GPU when PyTorch sees one, else the CPU.
 */
public enum Device {
	AUTO, CPU, GPU;

	/** Parses "auto", "cpu" or "gpu" (any case); anything else is an {@link InpaintingException}. */
	public static Device parse(final String s) {
		for (final Device d : values())
			if (d.name().equalsIgnoreCase(s.trim())) return d;
		throw new InpaintingException("Unknown device '" + s + "': use auto, cpu or gpu.");
	}

	/**
	 * DJL's device for this choice; starts the engine ({@link EngineThreads#engine()}) to count the GPUs.
	 *
	 * @throws InpaintingException when the engine cannot start, or a GPU is asked for and PyTorch sees none
	 */
	public ai.djl.Device resolve() {
		final int gpus;
		try {
			gpus = EngineThreads.engine().getGpuCount();
		}
		catch (final RuntimeException | UnsatisfiedLinkError e) {
			throw new InpaintingException("The PyTorch engine cannot start here (" + MisfException.firstLine(e) + ").", e);
		}
		switch (this) {
			case CPU:
				return ai.djl.Device.cpu();
			case GPU:
				if (gpus == 0) throw new InpaintingException(
					"A GPU was asked for but PyTorch sees none here (no CUDA device, or the CPU-only build): use device cpu or auto.");
				return ai.djl.Device.gpu();
			default:
				return gpus > 0 ? ai.djl.Device.gpu() : ai.djl.Device.cpu();
		}
	}

	/** GPUs PyTorch can use here (0 with the CPU build or without a CUDA device), or -1 when it cannot start. */
	public static int gpuCount() {
		try {
			return EngineThreads.engine().getGpuCount();
		}
		catch (final RuntimeException | UnsatisfiedLinkError e) {
			return -1;
		}
	}

	/**
	 * A device as users write it: DJL's "cpu()" is "cpu", "gpu(0)" is "gpu", another GPU "gpu 1"; for records and
	 * messages.
	 */
	public static String word(final String djlDevice) {
		final String d = djlDevice.trim();
		if (d.equals("cpu()")) return "cpu";
		if (d.equals("gpu(0)")) return "gpu";
		if (d.matches("gpu\\(\\d+\\)")) return "gpu " + d.substring(4, d.length() - 1);
		return d;
	}
}
