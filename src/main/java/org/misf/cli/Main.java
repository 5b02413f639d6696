package org.misf.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;

/**
 * The {@code java -jar MISF_Inpainting.jar <command> ...} entry point: finds the {@link Subcommand}s with
 * {@link ServiceLoader} and runs the one named first; with no arguments or {@code --help} it lists them.
 */
public final class Main {

	private Main() {}

	public static void main(final String[] args) {
		System.setProperty("java.awt.headless", "true");
		System.exit(run(Arrays.asList(args), System.out, System.err));
	}

	/** Runs a command line and returns its exit code (0 ok, 1 some inputs failed, 2 bad usage / nothing done). */
	public static int run(final List<String> args, final PrintStream out, final PrintStream err) {
		final List<Subcommand> commands = commands();
		if (args.isEmpty() || args.get(0).equals("--help") || args.get(0).equals("-h") || args.get(0).equals("help")) {
			usage(commands, args.isEmpty() ? err : out);
			return args.isEmpty() ? 2 : 0;
		}
		for (final Subcommand c : commands)
			if (c.name().equals(args.get(0))) return c.run(new ArrayList<>(args.subList(1, args.size())), out, err);
		err.println("Unknown command '" + args.get(0) + "'.");
		usage(commands, err);
		return 2;
	}

	/** The available commands, sorted by name. */
	public static List<Subcommand> commands() {
		final List<Subcommand> list = new ArrayList<>();
		for (final Subcommand c : ServiceLoader.load(Subcommand.class))
			list.add(c);
		list.sort(Comparator.comparing(Subcommand::name));
		return list;
	}

	private static void usage(final List<Subcommand> commands, final PrintStream s) {
		s.println("Usage: java -jar MISF_Inpainting.jar <command> [options]   (<command> --help for its options)");
		s.println("Commands:");
		for (final Subcommand c : commands)
			s.println(String.format("  %-10s %s", c.name(), c.summary()));
	}
}
