import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import com.sun.jdi.Bootstrap;
import com.sun.jdi.Location;
import com.sun.jdi.Method;
import com.sun.jdi.ReferenceType;
import com.sun.jdi.StackFrame;
import com.sun.jdi.ThreadReference;
import com.sun.jdi.VirtualMachine;
import com.sun.jdi.connect.Connector;
import com.sun.jdi.connect.LaunchingConnector;
import com.sun.jdi.event.BreakpointEvent;
import com.sun.jdi.event.ClassPrepareEvent;
import com.sun.jdi.event.Event;
import com.sun.jdi.event.EventSet;
import com.sun.jdi.event.MethodEntryEvent;
import com.sun.jdi.event.MethodExitEvent;
import com.sun.jdi.event.VMDeathEvent;
import com.sun.jdi.event.VMDisconnectEvent;
import com.sun.jdi.request.BreakpointRequest;
import com.sun.jdi.request.ClassPrepareRequest;
import com.sun.jdi.request.EventRequest;
import com.sun.jdi.request.MethodEntryRequest;
import com.sun.jdi.request.MethodExitRequest;

/**
 * Measures one image's trip through {@code batch/FolderBatchRun.inpaintOne} (docs/ARCHITECTURE.md, "One image's
 * trip"): runs the README's inpaint command in a child JVM under the JDK's debugger interface and, from the first
 * call of {@code inpaintOne} to its return, records every method of {@code org.misf} that runs and which project
 * file called it (the nearest project frame below it, so calls back from a library count for the project file
 * that called the library). Prints the files entered, the calls between files of different packages ("moves
 * between rooms") and those that go up the layer table ("climbs": a lower layer calling into a higher one).
 * <p>
 * Run after {@code mvn -B -q -DskipTests package}, from the repository root:
 * {@code java tools/TripTrace.java [IMAGE MASK -o OUT_DIR]} (default: the README's example into a fresh folder).
 */
public final class TripTrace {

	/** Layer heights from docs/ARCHITECTURE.md: a call from a lower to a higher number climbs. */
	private static final Map<String, Integer> LAYER = Map.of("files", -1, "core", 0, "model", 1, "metrics", 1, "checkpoint", 2,
		"evaluation", 2, "io", 2, "batch", 3, "cli", 4, "imagej", 4);

	private final Map<String, Long> files = new TreeMap<>();
	private final Map<String, Long> edges = new TreeMap<>();

	public static void main(final String[] args) throws Exception {
		final List<String> cmd = args.length > 0 ? Arrays.asList(args) : Arrays.asList("examples/mural.png",
			"examples/mural_mask.png", "-o", java.nio.file.Files.createTempDirectory("trip").toString() + "/");
		new TripTrace().run(cmd);
	}

	private void run(final List<String> cmd) throws Exception {
		final LaunchingConnector launcher = Bootstrap.virtualMachineManager().defaultConnector();
		final Map<String, Connector.Argument> a = launcher.defaultArguments();
		a.get("options").setValue("-cp target/MISF_Inpainting-0.1.0-SNAPSHOT.jar");
		a.get("main").setValue("org.misf.cli.Main inpaint " + String.join(" ", cmd));
		final VirtualMachine vm = launcher.launch(a);
		new Thread(() -> drain(vm.process().getInputStream())).start();
		new Thread(() -> drain(vm.process().getErrorStream())).start(); // errors: run the command by hand
		final ClassPrepareRequest prepare = vm.eventRequestManager().createClassPrepareRequest();
		prepare.addClassFilter("org.misf.batch.FolderBatchRun");
		prepare.enable();
		MethodEntryRequest entries = null;
		MethodExitRequest exits = null;
		int depth = -1;
		boolean done = false;
		vm.resume();
		while (!done) {
			final EventSet set = vm.eventQueue().remove();
			for (final Event e : set) {
				if (e instanceof ClassPrepareEvent) {
					final ReferenceType t = ((ClassPrepareEvent) e).referenceType();
					for (final Method m : t.methodsByName("inpaintOne")) {
						final BreakpointRequest b = vm.eventRequestManager().createBreakpointRequest(m.location());
						b.setSuspendPolicy(EventRequest.SUSPEND_EVENT_THREAD);
						b.addCountFilter(1);
						b.enable();
					}
				}
				else if (e instanceof BreakpointEvent) {
					final ThreadReference thread = ((BreakpointEvent) e).thread();
					depth = thread.frameCount();
					record("org.misf.batch", "FolderBatchRun.java", null);
					entries = vm.eventRequestManager().createMethodEntryRequest();
					entries.addClassFilter("org.misf.*");
					entries.addThreadFilter(thread);
					entries.setSuspendPolicy(EventRequest.SUSPEND_EVENT_THREAD);
					entries.enable();
					exits = vm.eventRequestManager().createMethodExitRequest();
					exits.addClassFilter("org.misf.batch.FolderBatchRun");
					exits.addThreadFilter(thread);
					exits.setSuspendPolicy(EventRequest.SUSPEND_EVENT_THREAD);
					exits.enable();
				}
				else if (e instanceof MethodEntryEvent) {
					final MethodEntryEvent me = (MethodEntryEvent) e;
					final ReferenceType callee = me.location().declaringType();
					record(packageOf(callee), sourceOf(callee), caller(me.thread()));
				}
				else if (e instanceof MethodExitEvent) {
					final MethodExitEvent me = (MethodExitEvent) e;
					if (me.method().name().equals("inpaintOne") && me.thread().frameCount() == depth) {
						entries.disable();
						exits.disable();
						done = true;
					}
				}
				else if (e instanceof VMDeathEvent || e instanceof VMDisconnectEvent) done = true;
			}
			if (!done) set.resume();
		}
		try {
			vm.dispose();
		}
		catch (final RuntimeException e) {
			// already gone
		}
		report();
	}

	/** "package/File.java" of the nearest project frame below the top one. */
	private static String caller(final ThreadReference thread) throws Exception {
		final int n = thread.frameCount();
		for (int i = 1; i < n; i++) {
			final StackFrame f = thread.frame(i);
			final Location l = f.location();
			final ReferenceType t = l.declaringType();
			if (t.name().startsWith("org.misf.")) return packageOf(t) + "/" + sourceOf(t);
		}
		return null;
	}

	private void record(final String pkg, final String source, final String caller) {
		final String callee = pkg + "/" + source;
		files.merge(callee, 1L, Long::sum);
		if (caller != null && !caller.equals(callee)) edges.merge(caller + " -> " + callee, 1L, Long::sum);
	}

	private static String packageOf(final ReferenceType t) {
		final String n = t.name();
		return n.substring(0, n.lastIndexOf('.'));
	}

	private static String sourceOf(final ReferenceType t) {
		try {
			return t.sourceName();
		}
		catch (final Exception e) {
			final String n = t.name();
			final int dollar = n.indexOf('$');
			return n.substring(n.lastIndexOf('.') + 1, dollar < 0 ? n.length() : dollar) + ".java";
		}
	}

	private static String room(final String file) {
		final String pkg = file.substring(0, file.indexOf('/'));
		return pkg.substring(pkg.lastIndexOf('.') + 1);
	}

	private void report() {
		System.out.println("files entered: " + files.size());
		for (final Map.Entry<String, Long> f : files.entrySet())
			System.out.println("  " + f.getKey().replace("org.misf.", "") + " (" + f.getValue() + " method entries)");
		final List<String> moves = new ArrayList<>(), climbs = new ArrayList<>();
		for (final Map.Entry<String, Long> e : edges.entrySet()) {
			final String[] p = e.getKey().split(" -> ");
			final String from = room(p[0]), to = room(p[1]);
			if (from.equals(to)) continue;
			final String line = "  " + e.getKey().replace("org.misf.", "") + " (" + e.getValue() + " calls)";
			moves.add(line);
			if (LAYER.getOrDefault(to, 9) > LAYER.getOrDefault(from, 9)) climbs.add(line);
		}
		System.out.println("moves between rooms (distinct caller file -> callee file, different packages): " + moves
			.size());
		moves.forEach(System.out::println);
		System.out.println("climbs (a lower layer calls into a higher one): " + climbs.size());
		climbs.forEach(System.out::println);
		System.out.println("all calls between files (caller file -> callee file):");
		for (final Map.Entry<String, Long> e : edges.entrySet())
			System.out.println("  " + e.getKey().replace("org.misf.", "") + " (" + e.getValue() + " calls)");
		final TreeSet<String> rooms = new TreeSet<>();
		for (final String f : files.keySet())
			rooms.add(room(f));
		System.out.println("rooms: " + rooms);
		final Map<String, TreeSet<String>> callers = new TreeMap<>();
		for (final String f : files.keySet())
			callers.put(f, new TreeSet<>());
		for (final String e : edges.keySet()) {
			final String[] p = e.split(" -> ");
			callers.get(p[1]).add(p[0]);
		}
		final TreeSet<String> window = new TreeSet<>(), record = new TreeSet<>(), path = new TreeSet<>();
		for (final String f : files.keySet())
			if (room(f).equals("core") && !callers.get(f).isEmpty() && callers.get(f).stream().allMatch(c -> room(c)
				.equals("core"))) window.add(f);
		record.add(RECORD);
		for (boolean grew = true; grew;) {
			grew = false;
			for (final String f : files.keySet())
				if (!record.contains(f) && !window.contains(f) && !callers.get(f).isEmpty() && record.containsAll(callers
					.get(f))) grew = record.add(f);
		}
		for (final String f : files.keySet())
			if (!window.contains(f) && !record.contains(f)) path.add(f);
		System.out.println("of them, core's window algorithm (files only core files call): " + window.size());
		System.out.println("of them, the record only (the record and files only it reaches): " + record.size() + " " +
			strip(record));
		System.out.println("the rest, the path of the image: " + path.size() + " " + strip(path));
	}

	/** The record's file: what only it reaches is counted apart from the image's path. */
	private static final String RECORD = "org.misf.batch/Provenance.java";

	private static String strip(final TreeSet<String> files) {
		return files.toString().replace("org.misf.", "");
	}

	private static void drain(final java.io.InputStream in) {
		try {
			in.transferTo(java.io.OutputStream.nullOutputStream());
		}
		catch (final java.io.IOException e) {
			// the child ended
		}
	}
}
