package org.misf.imagej;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import ij.IJ;

import org.misf.cli.InpaintCommand;
import org.misf.model.InpaintingException;

/**
 * "MISF Batch": the command line's folder batch ({@code inpaint IMAGE_DIR MASK_DIR -o OUT_DIR}, see
 * {@link InpaintCommand}) run from ImageJ, with its progress in ImageJ's progress bar and its report in the
 * Log window. Resumable, never overwrites inputs, goes on after a bad file, as the command line does; Esc stops
 * it after the image in progress is dropped (finished outputs stay, a later run resumes).
 */
public final class FolderBatch {

	public static final String TITLE = "MISF Batch";
	public static final String KEY_IMAGES = "images", KEY_MASKS = "masks", KEY_OUTPUT = "output", KEY_MODEL = "model",
		KEY_DEVICE = "device", KEY_DILATE = "dilate";

	private FolderBatch() {}

	/** Runs the batch; returns the summary line. Throws an {@link InpaintingException} when nothing could be done. */
	public static String run(final String images, final String masks, final String output, final String model,
		final String device, final int dilate)
	{
		for (final String[] folder : new String[][] { { images, "images" }, { masks, "masks" }, { output, "output" } })
			if (folder[0] == null || folder[0].trim().isEmpty())
				throw new InpaintingException("Choose the " + folder[1] + " folder.");
		if (dilate < 0) throw new InpaintingException("Dilate must be 0 or more pixels, not " + dilate + ".");
		final List<String> args = new ArrayList<>(Arrays.asList(images.trim(), masks.trim(), "-o", output.trim(),
			"--model", model == null || model.trim().isEmpty() ? "default" : model.trim(), "--device", device, "--dilate",
			Integer.toString(dilate)));
		final StatusStream out = new StatusStream(TITLE);
		final StatusStream err = new StatusStream(TITLE);
		final int code;
		try {
			code = SharedInpainter.withPluginClassLoader(() -> new InpaintCommand().run(args, out.printStream(), err
				.printStream(), IJ::escapePressed));
		}
		finally {
			IJ.showProgress(1.0);
		}
		final List<String> report = out.lines();
		final String summary = report.isEmpty() ? "" : report.get(report.size() - 1);
		if (code == 2) {
			for (final String line : err.lines())
				if (line.startsWith("error: ")) throw new InpaintingException(line.substring("error: ".length()));
			throw new InpaintingException("The batch could not run.");
		}
		IJ.showStatus(TITLE + ": " + summary);
		return summary;
	}
}
