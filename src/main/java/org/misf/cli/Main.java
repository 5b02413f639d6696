package org.misf.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

import org.misf.batch.BatchRunner;
import org.misf.core.MisfException;
import org.misf.io.RangeChoice;
import org.misf.metrics.LpipsChoice;
import org.misf.metrics.Quantisation;
import org.misf.metrics.SsimWindow;
import org.misf.model.Device;
import org.misf.model.ModelChoice;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code java -jar MISF_Inpainting.jar <command> ...} entry point, on picocli: the commands, their typed
 * options and the generated {@code --help}. Exit codes: 0 done, 1 some inputs failed (the rest done), 2 bad usage
 * or nothing could be done, 128 + N stopped by signal N ({@link StopSignal}: 143 for SIGTERM); an error is one
 * sentence after "error: " on standard error, whatever failed (no stack trace).
 */
@Command(name = "MISF_Inpainting.jar", mixinStandardHelpOptions = true, versionProvider = Version.class,
	synopsisSubcommandLabel = "COMMAND", description = {
		"Inpaints images with MISF (CVPR 2022) and measures results like the paper.",
		"'<command> --help' shows a command's options." }, subcommands = CommandLine.HelpCommand.class)
public final class Main implements Callable<Integer> {

	/** Usage error: bad options or arguments. */
	static final int USAGE = 2;

	@Spec
	CommandSpec spec;

	public static void main(final String[] args) {
		final StopSignal stop = args.length > 0 && args[0].equals("inpaint") ? StopSignal.install() : null;
		System.setProperty("java.awt.headless", "true");
		final int code = run(List.of(args), System.out, System.err, stop == null ? null : stop::requested);
		if (stop != null) stop.finished();
		System.exit(code);
	}

	/** Runs a command line and returns its exit code. */
	public static int run(final List<String> args, final PrintStream out, final PrintStream err) {
		return run(args, out, err, null);
	}

	/**
	 * As {@link #run(List, PrintStream, PrintStream)}, an {@code inpaint} batch stopping cleanly when
	 * {@code cancelled} turns true (null: never).
	 */
	static int run(final List<String> args, final PrintStream out, final PrintStream err,
		final BooleanSupplier cancelled)
	{
		final CommandLine cl = commandLine(out, err, cancelled);
		try {
			return cl.execute(args.toArray(new String[0]));
		}
		catch (final OutOfMemoryError e) {
			cl.getErr().println("error: the Java heap (" + (Runtime.getRuntime().maxMemory() >> 20) + " MB) ran out; " +
				"run java with a larger -Xmx.");
			return USAGE;
		}
		finally {
			cl.getOut().flush();
			cl.getErr().flush();
		}
	}

	/** The command line with every command, printing to {@code out} and {@code err}. */
	static CommandLine commandLine(final PrintStream out, final PrintStream err, final BooleanSupplier cancelled) {
		return commandLine(out, err, cancelled, null);
	}

	/**
	 * As {@link #commandLine(PrintStream, PrintStream, BooleanSupplier)}, {@code inpaint} running its images and
	 * walls' blocks with the runner {@code runners} gives for the model chosen (null: here); for another entry point
	 * (org.misf.spark) that adds its options to {@code inpaint}.
	 */
	public static CommandLine commandLine(final PrintStream out, final PrintStream err, final BooleanSupplier cancelled,
		final Function<ModelChoice, BatchRunner> runners)
	{
		final CommandLine cl = new CommandLine(new Main());
		for (final Object command : new Object[] { new InpaintCli(out, err, cancelled, runners), new EvaluateCli(out, err),
			new MetricsCli(out), new ImportCli(out), new SelftestCli(out), new BenchCli(out), new VerifyCli(out) })
			cl.addSubcommand(command);
		// the user's words are read by their one resolver, after the subcommands are added (so they inherit them)
		cl.registerConverter(Device.class, converter(Device::parse));
		cl.registerConverter(RangeChoice.class, converter(RangeChoice::parse));
		cl.registerConverter(Quantisation.class, converter(Quantisation::parse));
		cl.registerConverter(SsimWindow.class, converter(SsimWindow::parse));
		cl.registerConverter(LpipsChoice.class, converter(LpipsChoice::of));
		cl.setOut(new PrintWriter(writer(out), true));
		cl.setErr(new PrintWriter(writer(err), true));
		cl.setUsageHelpWidth(110);
		cl.setParameterExceptionHandler(Main::usageError);
		cl.setExecutionExceptionHandler(Main::failure);
		return cl;
	}

	/** No command: the list of commands on standard error, exit code 2. */
	@Override
	public Integer call() {
		spec.commandLine().usage(spec.commandLine().getErr());
		return USAGE;
	}

	private static int usageError(final CommandLine.ParameterException e, final String[] args) {
		final CommandLine cl = e.getCommandLine();
		final PrintWriter err = cl.getErr();
		err.println("error: " + e.getMessage());
		CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
		err.println("(" + (cl.getParent() == null ? "" : cl.getCommandName() + " ") + "--help shows the options)");
		return USAGE;
	}

	/**
	 * A failure with a sentence for the user (bad input, a model that cannot be used, a cancel) ends with code 2;
	 * so does any other, in one sentence naming the failure and where it happened.
	 */
	private static int failure(final Exception e, final CommandLine cl, final CommandLine.ParseResult parsed) {
		if (e instanceof MisfException) cl.getErr().println("error: " + e.getMessage());
		else cl.getErr().println("error: an unexpected failure (" + MisfException.unexpected(e) + ") ended the run.");
		return USAGE;
	}

	private static <T> CommandLine.ITypeConverter<T> converter(final Function<String, T> resolver) {
		return text -> {
			try {
				return resolver.apply(text);
			}
			catch (final MisfException e) {
				throw new CommandLine.TypeConversionException(e.getMessage());
			}
		};
	}

	private static java.io.Writer writer(final PrintStream s) {
		return new java.io.OutputStreamWriter(s, Charset.defaultCharset());
	}
}
