package org.misf.core;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs planned windows through the network in batches, stage after stage, handing each batch out
 * ({@link #nextBatch}) and taking the network's output back ({@link #accept}): the caller runs the network, so
 * {@code core} never calls up into the layer that holds it. Keeps only what each writing window will write
 * ({@link WindowTensors#extract}); coarse fills of huge holes go to the shared list the refine tiles read. Used
 * for a whole image ({@link WindowedInpainting}) and for one block of a wall ({@link BlockRun}), so both compute
 * a window the same way.
 */
final class WindowRun {

	private final WindowTensors<?, ?> tensors;
	private final BlockPlan plan;
	private final IntensityMapping map;
	private final List<WindowOutput> coarse;
	private final List<Window> coarsePlanned = new ArrayList<>();
	private final List<List<Window>> stages = new ArrayList<>();
	private final List<List<List<Integer>>> stageBatches = new ArrayList<>();
	private final Map<Window, Integer> writerIndex = new java.util.IdentityHashMap<>();
	private final Map<Integer, float[]> values = new HashMap<>();
	private final ProgressListener progress;
	private final int total;
	private int stage, nextInStage, done, scaled;
	private long largest;
	private Pending pending;

	/** The batch handed out and not yet accepted: its windows as planned and as run, and its input. */
	private static final class Pending {

		final List<Window> planned = new ArrayList<>();
		final List<Window> run;
		final List<float[]> depths = new ArrayList<>();
		NetworkBatch input;

		Pending(final List<Window> run) {
			this.run = run;
		}
	}

	/**
	 * @param stages  windows to run, stage after stage (a stage's batches never mix with another's); a writing
	 *                window must be one of {@code plan.writers()}
	 * @param coarse  the coarse fills done so far; this run adds those it makes
	 */
	WindowRun(final WindowTensors<?, ?> tensors, final BlockPlan plan, final IntensityMapping map,
		final List<WindowOutput> coarse, final List<List<Window>> stages, final ProgressListener progress)
	{
		this.tensors = tensors;
		this.plan = plan;
		this.map = map;
		this.coarse = coarse;
		this.progress = progress;
		final List<Window> writers = plan.writers();
		for (int i = 0; i < writers.size(); i++)
			writerIndex.put(writers.get(i), i);
		int n = 0;
		for (final List<Window> windows : stages) {
			if (windows.isEmpty()) continue;
			this.stages.add(windows);
			stageBatches.add(WindowPlanner.batchIndices(windows, plan.settings().batchSize()));
			n += windows.size();
		}
		total = n;
	}

	/** Windows to run in all. */
	int total() { return total; }

	/** Whether a batch is left; first asks the listener whether to stop ({@link CancelledException}). */
	boolean hasNextBatch() {
		if (!batchesLeft()) return false;
		if (progress.isCancelled()) throw new CancelledException();
		return true;
	}

	/** Whether every batch was handed out and its output accepted. */
	boolean finished() {
		return pending == null && !batchesLeft();
	}

	private boolean batchesLeft() {
		while (stage < stages.size() && nextInStage == stageBatches.get(stage).size()) {
			stage++;
			nextInStage = 0;
		}
		return stage < stages.size();
	}

	/** The next batch's input; {@link #accept} takes the network's output for it. */
	NetworkBatch nextBatch() {
		if (pending != null || !batchesLeft()) throw new IllegalStateException("no batch to hand out now");
		final List<Window> windows = stages.get(stage);
		final List<Integer> indices = stageBatches.get(stage).get(nextInStage++);
		final Pending p = new Pending(WindowPlanner.batch(windows, indices, plan.width(), plan.height()));
		final int W = p.run.get(0).netWidth(), H = p.run.get(0).netHeight();
		final float[] in = new float[p.run.size() * 3 * W * H];
		final float[] m = new float[p.run.size() * W * H];
		for (int b = 0; b < p.run.size(); b++) {
			p.planned.add(windows.get(indices.get(b)));
			p.depths.add(p.run.get(b).role() == Window.Role.REFINE ? tensors.depth(p.run.get(b)) : null);
		}
		if (tensors.fill(p.run, map, coarse, p.depths, in, m) >= 0)
			throw new BadInputException("The holes (after dilation by " + plan.settings().dilation() +
				" px) fill a whole window, so there is no known context to inpaint from.");
		p.input = new NetworkBatch(in, m, p.run.size(), H, W);
		pending = p;
		return p.input;
	}

	/** The network's output for the batch last handed out ({@code batch x 3 x height x width}). */
	void accept(final float[] out) {
		final Pending p = pending;
		if (p == null) throw new IllegalStateException("no batch was handed out");
		final float[] in = p.input.image(), m = p.input.mask();
		if (out.length != in.length) throw new IllegalStateException("The network returned " + out.length +
			" values instead of " + in.length + ".");
		pending = null;
		for (int b = 0; b < p.run.size(); b++) {
			final Window planned = p.planned.get(b);
			final WindowOutput raw = new WindowOutput(p.run.get(b), out, m, b);
			final WindowOutput o = planned.role() == Window.Role.REFINE ? DetailTransfer.onto(raw, coarse, p.depths.get(
				b)) : raw;
			if (planned.role() == Window.Role.COARSE) {
				coarse.add(new WindowOutput(o.window(), o.image(), o.mask(), 0)); // its own arrays: kept beyond this batch
				coarsePlanned.add(planned);
				scaled++;
			}
			else {
				final int i = writerIndex.get(planned);
				values.put(i, tensors.extract(o, plan.owners(), i));
				if (planned.scale() > 1) scaled++;
			}
		}
		done += p.run.size();
		largest = Math.max(largest, (long) p.input.width() * p.input.height());
		progress.progress(done, total, "");
	}

	/** What writing window {@code i} of the plan will write ({@link WindowTensors#extract}); null if not run. */
	float[] values(final int i) {
		return values.remove(i);
	}

	/** The planned windows of the coarse fills this run made, in the order they were added to the shared list. */
	List<Window> coarseMade() { return coarsePlanned; }

	int done() { return done; }

	int scaled() { return scaled; }

	long largest() { return largest; }
}
