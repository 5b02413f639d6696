package org.misf.spark;

import java.io.PrintStream;
import java.util.List;

import org.misf.cli.Main;

import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The entry point of the {@code -spark} jar: the same commands as the plugin jar's ({@link Main}), its
 * {@code inpaint} with {@code --master URL} as well, which runs the images of a folder and the blocks of a wall as
 * Spark tasks ({@link SparkRunner}); without {@code --master}, and outside spark-submit, it runs as the plain CLI.
 */
public final class SparkMain {

	private SparkMain() {}

	public static void main(final String[] args) {
		System.setProperty("java.awt.headless", "true");
		System.exit(run(List.of(args), System.out, System.err));
	}

	/** Runs a command line and returns its exit code. */
	public static int run(final List<String> args, final PrintStream out, final PrintStream err) {
		final OptionSpec master = OptionSpec.builder("--master").paramLabel("URL").type(String.class).description(
			"run the images (and a wall's blocks) as Spark tasks on this master: local[N] or local[*] in this JVM, " +
				"spark://HOST:PORT, yarn, k8s://... (default: spark-submit's, else no Spark)").build();
		final CommandLine cl = Main.commandLine(out, err, null, choice -> {
			final String url = master.getValue();
			return url == null && System.getProperty("spark.master") == null ? null : new SparkRunner(url, choice);
		});
		cl.getSubcommands().get("inpaint").getCommandSpec().addOption(master);
		cl.addSubcommand(new SparkBench(out));
		try {
			return cl.execute(args.toArray(new String[0]));
		}
		finally {
			cl.getOut().flush();
			cl.getErr().flush();
		}
	}
}
