package org.misf.imagej;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.misf.model.Device;
import org.scijava.Context;
import org.scijava.plugin.PluginIndex;
import org.scijava.plugin.PluginInfo;
import org.scijava.service.Service;

/** The model the Fiji commands keep open lives and dies with the SciJava Context, as SciJava's services do. */
class InpainterServiceTest {

	/** A model that counts how often it is closed. */
	private static final class CountingModel extends FakeInpainter {

		int closed;

		@Override
		public void close() {
			closed++;
		}
	}

	@Test
	void disposingTheContextClosesTheKeptModel() {
		final CountingModel model = new CountingModel();
		final SharedInpainter shared = new SharedInpainter((name, device) -> model);
		final Context context = new Context(InpainterService.class);
		context.service(InpainterService.class).closes(shared);
		assertSame(model, shared.get("default", Device.CPU));
		assertSame(model, shared.get("default", Device.CPU), "kept between runs");
		assertEquals(0, model.closed);
		context.dispose();
		assertEquals(1, model.closed, "closed with the Context");
	}

	@Test
	void fijiFindsTheServiceInThePluginIndex() {
		final PluginIndex index = new PluginIndex();
		index.discover();
		boolean found = false;
		for (final PluginInfo<Service> info : index.getPlugins(Service.class))
			found |= info.getClassName().equals(InpainterService.class.getName());
		assertTrue(found, "a Context with all services (Fiji's) creates it, so Fiji's end closes the model");
	}
}
