package org.misf.imagej;

import java.nio.file.Path;
import java.nio.file.Paths;

import ij.IJ;

import org.misf.checkpoint.CheckpointException;
import org.misf.checkpoint.CheckpointImporter;
import org.misf.checkpoint.ImportOptions;
import org.misf.model.InpaintingException;

/**
 * "Import MISF Checkpoint": a MISF generator checkpoint ({@code .pth}, e.g. the authors' Places2, CelebA or
 * Dunhuang release) becomes a model package folder, usable as {@code model=[folder]} in "MISF Inpaint".
 */
public final class CheckpointImport {

	public static final String TITLE = "Import MISF Checkpoint";
	public static final String KEY_CHECKPOINT = "checkpoint", KEY_FOLDER = "folder", KEY_DATASET = "dataset";

	private CheckpointImport() {}

	/** Imports; returns the package folder. Nothing is written when it fails (one-sentence exception). */
	public static Path run(final String checkpoint, final String folder, final String dataset) {
		if (checkpoint == null || checkpoint.trim().isEmpty())
			throw new InpaintingException("Choose the checkpoint file (.pth) to import.");
		if (folder == null || folder.trim().isEmpty())
			throw new InpaintingException("Choose a new folder for the model package.");
		final ImportOptions options = dataset == null || dataset.trim().isEmpty() ? ImportOptions.defaults() :
			ImportOptions.defaults().withDataset(dataset.trim());
		try {
			final Path pkg = SharedInpainter.withPluginClassLoader(() -> CheckpointImporter.importCheckpoint(Paths.get(
				checkpoint.trim()), Paths.get(folder.trim()), options, new ImageJProgress(TITLE, 0, 1)));
			IJ.showStatus(TITLE + ": done, " + pkg);
			IJ.log("Imported " + checkpoint.trim() + " as model package " + pkg + " (use model=[" + pkg +
				"] in MISF Inpaint).");
			return pkg;
		}
		catch (final CheckpointException e) {
			throw new InpaintingException(e.getMessage(), e);
		}
		finally {
			IJ.showProgress(1.0);
		}
	}
}
