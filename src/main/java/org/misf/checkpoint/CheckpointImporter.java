package org.misf.checkpoint;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.List;

import org.misf.core.CancelledException;
import org.misf.core.ProgressListener;
import org.misf.files.ProcessMark;
import org.misf.files.StaleWork;
import org.misf.model.DescriptorBuilder;
import org.misf.model.PackageDescriptor;
import org.misf.model.EngineThreads;
import org.misf.model.MisfNetwork;


/**
 * Turns a MISF generator checkpoint ({@code .pth}: the authors' release format
 * {@code {'iteration', 'generator'}} or a bare state dict, PyTorch zip format) into an ordinary model
 * package: model.pt (TorchScript, any H and W multiple of 4), model.yaml (with provenance), and a test
 * pair computed by the imported model. No Python is needed.
 * <p>
 * Everything about the checkpoint is checked before anything is written (safe unpickling, sizes, every
 * key and shape against the architecture); the package is assembled in a temporary folder beside the
 * target and moved into place only when complete, so a failed or cancelled import leaves nothing.
 */
public final class CheckpointImporter {

	private CheckpointImporter() {}

	/**
	 * Imports {@code checkpoint} into the new package folder {@code packageFolder} (which must not exist,
	 * or be empty). {@code dataset} ("Places2", "CelebA", "Dunhuang", ...) may be null.
	 *
	 * @return the package folder
	 * @throws CheckpointException with one sentence when the file cannot be imported (nothing written)
	 * @throws CancelledException when {@code progress} asked to stop (nothing written)
	 */
	public static Path importCheckpoint(final Path checkpoint, final Path packageFolder, final String dataset,
		final ProgressListener progress)
	{
		return importCheckpoint(checkpoint, packageFolder, ImportOptions.defaults().withDataset(dataset), progress);
	}

	/** As {@link #importCheckpoint(Path, Path, String, ProgressListener)}, with all options. */
	public static Path importCheckpoint(final Path checkpoint, final Path packageFolder, final ImportOptions options,
		final ProgressListener progress)
	{
		final ProgressListener listener = progress == null ? ProgressListener.NONE : progress;
		final Path target = packageFolder.toAbsolutePath().normalize();
		requireFreshTarget(target);
		try (TorchCheckpoint ck = TorchCheckpoint.open(checkpoint)) {
			final String fileName = String.valueOf(checkpoint.getFileName());
			final MisfArchitecture architecture = MisfArchitecture.guess(ck.stateDict());
			StateDictCheck.requireMatch(fileName, ck.stateDict(), architecture);
			if (!Skeletons.available(architecture))
				throw new CheckpointException(fileName + " is a " + architecture + "; this build imports width 64 " +
					"(the authors' release), 32 and 16, with 8 residual blocks.");
			final long total = architecture.shapes().size() + 4L;
			listener.progress(1, total, "Checked " + fileName);
			return assemble(checkpoint, ck, architecture, target, options, listener, total);
		}
	}

	private static Path assemble(final Path checkpoint, final TorchCheckpoint ck, final MisfArchitecture architecture,
		final Path target, final ImportOptions options, final ProgressListener progress, final long total)
	{
		final String fileName = String.valueOf(checkpoint.getFileName());
		Path work = null;
		try {
			Files.createDirectories(target.getParent());
			removeStaleImports(target.getParent());
			work = Files.createDirectory(target.resolveSibling("." + target.getFileName() + ".importing-" + ProcessMark
				.mine() + "-" + System.nanoTime()));
			final Path skeleton = work.resolve("skeleton.pt");
			Skeletons.unpack(architecture, skeleton);
			checkCancel(progress);
			progress.progress(2, total, "Unpacked the " + architecture + " skeleton");
			final Path model = work.resolve(DescriptorBuilder.WEIGHTS_FILE);
			SkeletonFiller.fill(skeleton, ck, architecture, model, progress, 2, total);
			Files.delete(skeleton);
			checkCancel(progress);

			final float[] image = SelfCheckInput.image();
			final float[] mask = SelfCheckInput.mask();
			final float[] output = SelfCheckOutput.compute(model, image, mask, SelfCheckInput.HEIGHT, SelfCheckInput.WIDTH);
			if (!MisfNetwork.isFinite(output)) throw new CheckpointException(fileName + " gives NaN or infinite values " +
				"on the test image, " + MisfNetwork.ATTEMPTS + " runs in a row (its weights are not finite, or overflow); " +
				"it was not imported.");
			final PackageDescriptor descriptor = describe(checkpoint, ck, architecture, options, sha256(model));
			final List<String> inputs = descriptor.testFiles(false); // image, mask: as the descriptor names them
			NpyWriter.write(work.resolve(inputs.get(0)), new long[] { 1, 3, SelfCheckInput.HEIGHT, SelfCheckInput.WIDTH }, image);
			NpyWriter.write(work.resolve(inputs.get(1)), new long[] { 1, 1, SelfCheckInput.HEIGHT, SelfCheckInput.WIDTH }, mask);
			NpyWriter.write(work.resolve(descriptor.testFiles(true).get(0)), new long[] { 1, 3, SelfCheckInput.HEIGHT,
				SelfCheckInput.WIDTH }, output);
			progress.progress(total - 1, total, "Computed the test pair");

			final Path yaml = work.resolve(PackageDescriptor.FILE);
			descriptor.write(yaml);
			PackageDescriptor.read(yaml, PackageDescriptor.Kind.MISF, fileName); // what was written reads back
			checkCancel(progress);

			if (Files.isDirectory(target)) Files.delete(target); // empty, checked above
			Files.move(work, target, StandardCopyOption.ATOMIC_MOVE);
			work = null;
			progress.progress(total, total, "Imported " + fileName + " into " + target.getFileName());
			return target;
		}
		catch (final IOException e) {
			throw new CheckpointException("Cannot write the package " + target + ": " + e.getMessage(), e);
		}
		finally {
			if (work != null) StaleWork.deleteTree(work);
		}
	}

	/** What the package's model.yaml says: the weights, their architecture, and where they came from. */
	private static PackageDescriptor describe(final Path checkpoint, final TorchCheckpoint ck,
		final MisfArchitecture architecture, final ImportOptions options, final String modelSha256) throws IOException
	{
		final String fileName = String.valueOf(checkpoint.getFileName());
		final String stem = fileName.replaceFirst("\\.(pth|pt|ckpt|bin)$", "");
		return DescriptorBuilder.misf(options.idFor(stem), options.nameFor(fileName, architecture.width()), "1.0.0")
			.description("MISF image inpainting generator (Multi-level Interactive Siamese Filtering), imported " +
				"from the checkpoint " + fileName + ".")
			.architecture(architecture.width(), architecture.residualBlocks(), architecture.parameterCount())
			.weights(modelSha256, EngineThreads.engine().getVersion())
			.training(options.dataset(), ck.iteration().isPresent() ? ck.iteration().getAsLong() : null)
			.license("weights by " + options.weightsBy() + "; their terms of use apply")
			.provenance(fileName, sha256(checkpoint), options.weightsBy(), options.dataset(),
				"MISF for Fiji checkpoint importer (org.misf.checkpoint)", LocalDate.now().toString())
			.build();
	}

	/** Removes the work folders of imports whose process no longer runs (killed mid-import); best effort. */
	static int removeStaleImports(final Path folder) {
		return StaleWork.remove(folder, ".*.importing-*", java.util.regex.Pattern.compile("\\.importing-(" +
			ProcessMark.REGEX + ")-\\d+$"));
	}

	private static void requireFreshTarget(final Path target) {
		if (target.getParent() == null) throw new CheckpointException("Name a folder for the package, not a root.");
		if (Files.isRegularFile(target)) throw new CheckpointException(target + " is a file; name a new folder for the package.");
		if (Files.isDirectory(target)) {
			try (DirectoryStream<Path> entries = Files.newDirectoryStream(target)) {
				if (entries.iterator().hasNext())
					throw new CheckpointException(target + " already exists and is not empty; name a new folder " +
						"(nothing is overwritten).");
			}
			catch (final IOException e) {
				throw new CheckpointException("Cannot read " + target + ": " + e.getMessage(), e);
			}
		}
	}

	private static void checkCancel(final ProgressListener progress) {
		if (progress.isCancelled()) throw new CancelledException();
	}

	static String sha256(final Path file) throws IOException {
		return org.misf.model.ModelPackage.sha256(file);
	}
}
