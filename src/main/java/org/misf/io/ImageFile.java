package org.misf.io;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.function.Supplier;

import ij.IJ;
import ij.ImagePlus;
import ij.io.FileInfo;
import ij.io.FileSaver;
import ij.io.TiffDecoder;

import org.misf.model.InpaintingException;

/**
 * ImageJ's file code, for both front-ends and the batch: reads an image file (an image to inpaint or a mask image),
 * refusing files whose pixels ImageJ would change or drop without a word (transparency, TIFF pages of 2 or more than
 * 3 samples); writes and reads back results; reads TIFF headers. All of it quietly: ImageJ reports a file it cannot
 * read or write with {@code IJ.error}, which during a macro hands the message to the macro interpreter, which shows
 * a modal "Macro Error" dialog (under {@code ImageJ -batch} on a virtual display nobody can close it, and the job
 * hangs). Here the interpreter is detached while ImageJ's code runs, so ImageJ logs the message instead and the
 * caller reports its own sentence. ImageJ keeps the interpreter in a private field, which is the one reason for
 * reflection here; where that field cannot be reached, ImageJ behaves as it always did.
 */
public final class ImageFile {

	private ImageFile() {}

	/** Opens a file, or says in one sentence (starting "the file ...") why it cannot be inpainted faithfully. */
	public static ImagePlus open(final Path p) {
		if (!Files.isRegularFile(p)) throw new InpaintingException("the file " + p + " does not exist.");
		final String lower = p.getFileName().toString().toLowerCase(Locale.ROOT);
		if (lower.endsWith(".png") && hasTransparency(p))
			throw new InpaintingException("the file " + p + " has transparent pixels (alpha below 255), which ImageJ " +
				"would flatten and drop; remove the transparency first (nothing was written).");
		final int samples = lower.endsWith(".tif") || lower.endsWith(".tiff") ? TiffSamples.of(p) : 1;
		if (samples == 2 || samples > 3) throw new InpaintingException("the file " + p + " has " + samples +
			" samples per pixel (channels in one TIFF page" + (samples == 4 ? ", e.g. RGB with alpha" : "") +
			"), of which ImageJ would keep only some without a word; save it as one page per channel or as RGB first " +
			"(nothing was written).");
		final ImagePlus imp = quietly(() -> IJ.openImage(p.toString()));
		if (imp == null) throw new InpaintingException("the file " + p + " cannot be opened as an image.");
		return imp;
	}

	/** A file as ImageJ reads it, without the checks of {@link #open} (a result read back), or null. */
	public static ImagePlus readBack(final Path p) {
		return quietly(() -> IJ.openImage(p.toString()));
	}

	/**
	 * Writes {@code imp} to {@code file} as PNG when its name ends in .png, else as TIFF (a stack as a multi-page
	 * TIFF); false when ImageJ could not.
	 */
	public static boolean save(final ImagePlus imp, final Path file) {
		final FileSaver saver = new FileSaver(imp);
		final String f = file.toString();
		final boolean png = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png");
		return quietly(() -> png ? saver.saveAsPng(f) : imp.getStackSize() > 1 ? saver.saveAsTiffStack(f) : saver
			.saveAsTiff(f));
	}

	/** The pages of a TIFF file as ImageJ's decoder reads its header, or null. */
	public static FileInfo[] tiffInfo(final Path p) {
		return quietly(() -> {
			try {
				return new TiffDecoder(p.getParent().toString() + java.io.File.separator, p.getFileName().toString())
					.getTiffInfo();
			}
			catch (final IOException e) {
				return null;
			}
		});
	}

	/** Whether a file starts like a TIFF or BigTIFF (byte order mark and magic number), whatever its name. */
	public static boolean isTiff(final Path path) {
		try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
			final ByteBuffer b = ByteBuffer.allocate(4);
			if (ch.read(b) < 4) return false;
			final int b0 = b.get(0), b1 = b.get(1);
			final boolean little = b0 == 'I' && b1 == 'I';
			if (!little && !(b0 == 'M' && b1 == 'M')) return false;
			final int magic = little ? (b.get(2) & 0xff) | (b.get(3) & 0xff) << 8 : (b.get(2) & 0xff) << 8 | (b.get(3) &
				0xff);
			return magic == 42 || magic == 43;
		}
		catch (final IOException e) {
			return false;
		}
	}

	/** Whether a PNG has an alpha channel with any value below 255. */
	private static boolean hasTransparency(final Path p) {
		try {
			final java.awt.image.BufferedImage b = javax.imageio.ImageIO.read(p.toFile());
			if (b == null || !b.getColorModel().hasAlpha()) return false;
			final java.awt.image.Raster alpha = b.getAlphaRaster();
			if (alpha == null) return false;
			for (int y = 0; y < b.getHeight(); y++)
				for (int x = 0; x < b.getWidth(); x++)
					if (alpha.getSample(x, y, 0) < (1 << alpha.getSampleModel().getSampleSize(0)) - 1) return true;
			return false;
		}
		catch (final IOException | RuntimeException e) {
			return false; // ImageJ's reader says what is wrong with the file
		}
	}

	private static final Field INTERPRETER = interpreterField();

	/**
	 * Runs {@code work} with the macro interpreter detached, ImageJ's errors redirected to its log (which does not
	 * end a macro) and the console held back: our caller says in one sentence what went wrong.
	 */
	public static synchronized <T> T quietly(final Supplier<T> work) {
		final PrintStream stdout = System.out, stderr = System.err;
		final PrintStream sink = new PrintStream(OutputStream.nullOutputStream());
		System.setOut(sink);
		System.setErr(sink);
		IJ.redirectErrorMessages(true);
		try {
			return withoutMacroDialogs(work);
		}
		finally {
			IJ.redirectErrorMessages(false);
			System.setOut(stdout);
			System.setErr(stderr);
		}
	}

	/**
	 * Runs {@code work} with the macro interpreter detached, so that an {@code IJ.error} inside it cannot open the
	 * macro interpreter's error dialog (it shows ImageJ's message box, or prints when there is no ImageJ window).
	 */
	public static <T> T withoutMacroDialogs(final Supplier<T> work) {
		final Object interpreter = get();
		set(null);
		try {
			return work.get();
		}
		finally {
			set(interpreter);
		}
	}

	private static Field interpreterField() {
		try {
			final Field f = IJ.class.getDeclaredField("macroInterpreter");
			f.setAccessible(true);
			return f;
		}
		catch (final ReflectiveOperationException | RuntimeException e) {
			return null;
		}
	}

	private static Object get() {
		try {
			return INTERPRETER == null ? null : INTERPRETER.get(null);
		}
		catch (final ReflectiveOperationException | RuntimeException e) {
			return null;
		}
	}

	private static void set(final Object interpreter) {
		if (INTERPRETER == null) return;
		try {
			INTERPRETER.set(null, interpreter);
		}
		catch (final ReflectiveOperationException | RuntimeException e) {
			// not reachable here: ImageJ handles its errors as it always did
		}
	}
}
