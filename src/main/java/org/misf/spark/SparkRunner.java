package org.misf.spark;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.misf.batch.BatchListener;
import org.misf.batch.BatchRunner;
import org.misf.batch.BatchSpec;
import org.misf.batch.FolderBatchRun;
import org.misf.batch.ImageOutcome;
import org.misf.batch.InpaintJobs;
import org.misf.batch.WallTask;
import org.misf.core.CancelledException;
import org.misf.core.ProgressListener;
import org.misf.model.Inpainter;
import org.misf.model.InpaintingException;
import org.misf.model.ModelChoice;

/**
 * The batch's units as Spark tasks: one task per image of a folder, one per block of a wall with holes, on the
 * master given ({@code local[N]} embedded, or a cluster's) or the one spark-submit set. Each executor loads the model
 * once ({@link ExecutorModel}); each task writes only through the batch's verified, never-replacing writers, so a
 * task Spark retries or runs twice writes its result once, and a task of an executor that died leaves at most a
 * temporary file the next run removes. The driver keeps the listing, the skipping of finished work, a wall's planning
 * and the writing of its result ({@link FolderBatchRun}).
 */
final class SparkRunner implements BatchRunner {

	private static final AtomicLong GROUPS = new AtomicLong();

	private final String master;
	private final ModelChoice choice;
	private final TaskProgress progress = new TaskProgress();
	private JavaSparkContext sc;

	/**
	 * @param master Spark's master URL; null: the one spark-submit set ({@code spark.master}). Spark starts when the
	 *               first tasks are there (not for a batch that is all done or cannot start).
	 */
	SparkRunner(final String master, final ModelChoice choice) {
		this.master = master;
		this.choice = choice;
	}

	private synchronized JavaSparkContext spark() {
		if (sc == null) {
			final SparkConf conf = new SparkConf().setAppName("MISF inpaint").setIfMissing("spark.ui.enabled", "false");
			if (master != null) conf.setMaster(master);
			if (master != null && !master.startsWith("local[") && !master.equals("local"))
				conf.setIfMissing("spark.executor.extraClassPath", classPath());
			sc = new JavaSparkContext(conf);
			sc.sc().addSparkListener(progress);
		}
		return sc;
	}

	/**
	 * This JVM's class path, absolute: what executors started by a cluster's workers need when the driver was not
	 * started by spark-submit (which ships the application's jars); {@code java -jar} gives the -spark jar, whose
	 * manifest names lib/ and spark-lib/ beside it, so every node must see it at the same path (a shared disk).
	 */
	private static String classPath() {
		final StringBuilder cp = new StringBuilder();
		for (final String p : System.getProperty("java.class.path").split(java.io.File.pathSeparator))
			if (!p.isEmpty()) cp.append(cp.length() == 0 ? "" : java.io.File.pathSeparator).append(java.nio.file.Paths
				.get(p).toAbsolutePath());
		return cp.toString();
	}

	@Override
	public List<ImageOutcome> images(final BatchSpec spec, final List<InpaintJobs.Job> todo,
		final BatchListener listener)
	{
		final ModelChoice model = choice;
		try {
			return run(todo.size(), listener::progress, listener::isCancelled, () -> spark().parallelize(todo, todo.size())
				.map(j -> FolderBatchRun.inpaint(ExecutorModel.get(model), spec, j, ProgressListener.NONE)).collect());
		}
		catch (final CancelledException e) {
			final List<ImageOutcome> outcomes = new ArrayList<>();
			for (final InpaintJobs.Job j : todo) // a task that finished before the cancel has written its result
				outcomes.add(ImageOutcome.cancelled(j.image.getFileName().toString(), Files.exists(j.output)));
			return outcomes;
		}
	}

	@Override
	public void blocks(final WallTask wall, final List<Integer> todo, final ProgressListener listener) {
		final ModelChoice model = choice;
		try {
			run(todo.size(), (done, total) -> listener.progress(done, total, "blocks as Spark tasks"),
				listener::isCancelled, () -> {
					spark().parallelize(todo, todo.size()).foreach(b -> wall.compute(b, ExecutorModel.get(model),
						ProgressListener.NONE));
					return null;
				});
		}
		catch (final CancelledException e) {
			// the wall's run sees the cancel itself; the blocks done are kept for the next run
		}
	}

	@Override
	public Inpainter inpainter() {
		return ExecutorModel.get(choice);
	}

	/**
	 * Runs one Spark job of {@code tasks} tasks, telling {@code done} how many finished and cancelling it when
	 * {@code cancelled} turns true (then a {@link CancelledException}); a failed job is one sentence.
	 */
	private <T> T run(final int tasks, final TaskProgress.Sink done, final BooleanSupplier cancelled,
		final Supplier<T> job)
	{
		final String group = "misf-" + GROUPS.incrementAndGet();
		final AtomicBoolean stop = new AtomicBoolean();
		final JavaSparkContext sc = spark();
		sc.setJobGroup(group, "MISF inpaint", true);
		final Thread watch = new Thread(() -> {
			try {
				while (!cancelled.getAsBoolean())
					Thread.sleep(200);
				stop.set(true);
				sc.cancelJobGroup(group);
			}
			catch (final InterruptedException e) {
				// the job ended
			}
		}, "misf-spark-stop");
		watch.setDaemon(true);
		progress.start(tasks, done);
		watch.start();
		try {
			return job.get();
		}
		catch (final RuntimeException e) {
			if (stop.get()) throw new CancelledException();
			throw new InpaintingException("the Spark job failed (" + firstLine(e) + ").");
		}
		finally {
			watch.interrupt();
			progress.stop();
			sc.clearJobGroup();
		}
	}

	/** The innermost cause's message, first line: Spark wraps a task's failure in its job's. */
	private static String firstLine(final Throwable e) {
		Throwable t = e;
		while (t.getCause() != null && t.getCause() != t)
			t = t.getCause();
		final String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
		return m.split("\\R", 2)[0].replaceAll("[.]$", "");
	}

	@Override
	public synchronized void close() {
		if (sc != null) sc.stop();
		ExecutorModel.close(); // this JVM's copy (an embedded run's executors are this JVM)
	}
}
