package org.misf.batch;

import org.misf.core.InpaintJob;
import org.misf.core.NetworkSteps;
import org.misf.core.PlanSettings;
import org.misf.model.Inpainter;
import org.misf.model.InpaintingException;
import org.misf.model.TorchInpainter;

/** The network a wall's steps run on, and the window rules its package gives with the batch's options. */
final class WallNetwork {

	private final TorchInpainter torch;
	private final PlanSettings settings;

	private WallNetwork(final TorchInpainter torch, final PlanSettings settings) {
		this.torch = torch;
		this.settings = settings;
	}

	/**
	 * The network of a MISF package's inpainter and its rules for {@code job}; other inpainters (test doubles) do
	 * not run windows and cannot do walls.
	 */
	static WallNetwork of(final Inpainter inpainter, final InpaintJob job) {
		if (!(inpainter instanceof TorchInpainter)) throw new InpaintingException(
			"this inpainter cannot inpaint walls block by block.");
		final TorchInpainter t = (TorchInpainter) inpainter;
		return new WallNetwork(t, t.planSettings().forJob(job));
	}

	PlanSettings settings() { return settings; }

	Inpainter inpainter() { return torch; }

	/** Runs every step of {@code steps} through the network. */
	void run(final NetworkSteps steps) {
		steps.runWith(torch.network());
	}
}
