package org.misf.cli;

import org.misf.model.Device;
import org.misf.model.ModelChoice;
import org.misf.model.ModelPackage;
import org.misf.model.TorchInpainter;

import picocli.CommandLine.Option;

/** {@code --model} and {@code --device} of the commands that run the network (a picocli mixin). */
final class ModelOptions {

	@Option(names = "--model", paramLabel = "PATH|default", defaultValue = ModelPackage.DEFAULT_WORD,
		description = "model package folder or zip (default: the shipped one)")
	String model;

	@Option(names = "--device", paramLabel = "auto|cpu|gpu", defaultValue = "auto",
		description = "where the network runs (default ${DEFAULT-VALUE}: the GPU when PyTorch sees one)")
	Device device;

	/** The package the options name. */
	ModelPackage modelPackage() {
		return ModelPackage.open(model);
	}

	/** The options as a choice another process can load, with {@code threads} (null: the default). */
	ModelChoice choice(final Integer threads) {
		return new ModelChoice(model, device, threads);
	}

	/** The package's network on the chosen device. */
	TorchInpainter open() {
		return choice(null).open();
	}
}
