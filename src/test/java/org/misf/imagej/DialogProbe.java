package org.misf.imagej;

import java.awt.Button;
import java.awt.Choice;
import java.awt.Component;
import java.awt.Container;
import java.awt.EventQueue;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Window;
import java.awt.event.ActionEvent;
import java.lang.reflect.Field;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.function.Predicate;

import javax.imageio.ImageIO;
import javax.swing.JScrollPane;
import javax.swing.text.JTextComponent;

import ij.IJ;
import ij.ImageJ;
import ij.ImagePlus;
import ij.gui.GenericDialog;
import ij.gui.HTMLDialog;
import ij.gui.MultiLineLabel;
import ij.process.ByteProcessor;

import org.misf.model.EngineThreads;

/**
 * Run under Xvfb by {@link DialogUnderXvfbTest}: the <em>MISF Inpaint</em> dialog as a user meets it in ImageJ 1.x
 * with its window, the shipped mural open and beside it its mask as a JPEG would give it (titled mural_mask.jpg,
 * with a few pixels of value 3 in the background). Prints what the dialog shows (how long it took to appear,
 * whether the engine had started by then, the mask source and image it offers, its warning line, and whether the
 * Help window holds its text without scrolling), saves a screenshot of the dialog, and cancels it.
 * Arguments: the examples folder and the file for the screenshot.
 */
public final class DialogProbe {

	public static void main(final String[] args) throws Exception {
		final Path examples = Paths.get(args[0]);
		final Path shot = Paths.get(args[1]);
		new ImageJ();
		final ImagePlus mask = IJ.openImage(examples.resolve("mural_mask.png").toString());
		final ByteProcessor m = (ByteProcessor) mask.getProcessor().convertToByteProcessor(false);
		for (int i = 0; i < m.getPixelCount(); i += 97)
			if (m.get(i) == 0) m.set(i, 3);
		final ImagePlus jpegMask = new ImagePlus("mural_mask.jpg", m);
		jpegMask.show();
		final ImagePlus image = IJ.openImage(examples.resolve("mural.png").toString());
		image.show();
		IJ.wait(500);
		IJ.selectWindow(image.getID());
		final long start = System.nanoTime();
		final Thread run = new Thread(() -> IJ.runPlugIn(MisfInpaintPlugin.class.getName(), ""), "Run$_dialog-probe");
		run.start();
		final GenericDialog gd = (GenericDialog) await(w -> w instanceof GenericDialog && InpaintImage.TITLE.equals(
			((GenericDialog) w).getTitle()));
		System.out.printf("dialog shown after %d ms%n", (System.nanoTime() - start) / 1_000_000);
		System.out.println("engine started before the dialog: " + (System.getProperty(EngineThreads.INTER_OP) != null));
		System.out.println("mask source: " + ((Choice) gd.getChoices().get(0)).getSelectedItem());
		System.out.println("mask image: " + ((Choice) gd.getChoices().get(1)).getSelectedItem());
		System.out.println("warning line: " + warningLine(gd));
		IJ.wait(700);
		final Rectangle bounds = new Rectangle(gd.getLocationOnScreen(), gd.getSize());
		ImageIO.write(new Robot().createScreenCapture(bounds), "png", shot.toFile());
		System.out.println("screenshot: " + bounds.width + "x" + bounds.height);

		press(gd, "Help");
		final HTMLDialog help = (HTMLDialog) await(w -> w instanceof HTMLDialog);
		IJ.wait(500);
		final JScrollPane scroll = (JScrollPane) find(help.getContentPane(), c -> c instanceof JScrollPane);
		final JTextComponent text = (JTextComponent) scroll.getViewport().getView();
		final java.awt.geom.Rectangle2D last = text.modelToView2D(text.getDocument().getLength());
		System.out.printf("help window %dx%d; text ends at %.0f px of a visible %d px; scroll bar shown: %s%n", help
			.getWidth(), help.getHeight(), last.getMaxY(), scroll.getViewport().getExtentSize().height, scroll
				.getVerticalScrollBar().isShowing());
		EventQueue.invokeAndWait(help::dispose);
		press(gd, "Cancel");
		run.join(10_000);
		System.out.println("cancelled: " + !run.isAlive());
		System.exit(0);
	}

	/** The first window (shown) that {@code which} accepts, waiting up to a minute. */
	private static Window await(final Predicate<Window> which) throws InterruptedException {
		for (int i = 0; i < 600; i++) {
			for (final Window w : Window.getWindows())
				if (w.isShowing() && which.test(w)) return w;
			Thread.sleep(100);
		}
		throw new AssertionError("no such window appeared within a minute");
	}

	private static void press(final Container in, final String label) throws Exception {
		final Button b = (Button) find(in, c -> c instanceof Button && label.equals(((Button) c).getLabel()));
		EventQueue.invokeLater(() -> b.dispatchEvent(new ActionEvent(b, ActionEvent.ACTION_PERFORMED, label)));
	}

	private static Component find(final Container in, final Predicate<Component> which) {
		for (final Component c : in.getComponents()) {
			if (which.test(c)) return c;
			if (c instanceof Container) {
				final Component inner = find((Container) c, which);
				if (inner != null) return inner;
			}
		}
		return null;
	}

	/** The text of the dialog's last multi-line label (the mask check line), its lines joined by " | ". */
	private static String warningLine(final GenericDialog gd) throws ReflectiveOperationException {
		MultiLineLabel label = null;
		for (final Component c : gd.getComponents())
			if (c instanceof MultiLineLabel) label = (MultiLineLabel) c;
		if (label == null) return "(none)";
		final Field lines = MultiLineLabel.class.getDeclaredField("lines");
		lines.setAccessible(true);
		return String.join(" | ", (String[]) lines.get(label)).trim();
	}
}
