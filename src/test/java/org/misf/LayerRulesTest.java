package org.misf;

import static com.tngtech.archunit.base.DescribedPredicate.or;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import org.misf.core.MisfException;
import org.misf.model.Device;
import org.misf.model.EngineThreads;
import org.misf.model.InpaintingException;
import org.misf.model.ModelPackage;
import org.misf.model.PackageDescriptor;
import org.misf.model.PackageFolder;
import org.misf.model.PackageLocator;

/**
 * Every row of the layer table in docs/ARCHITECTURE.md, checked on the compiled classes: what each package may use
 * (the project's layers the table names and their libraries; the JDK everywhere), that the two front-ends never use
 * each other, that no packages depend on each other in a cycle, that PyTorch is started only through
 * {@link EngineThreads#engine()}, and that every failure type is a {@link MisfException}.
 */
@AnalyzeClasses(locations = ProjectClasses.class, importOptions = ImportOption.DoNotIncludeTests.class)
class LayerRulesTest {

	private static final String IMGLIB2 = "net.imglib2..", DJL = "ai.djl..", IMAGEJ = "ij..", CORE = "org.misf.core..",
		MODEL = "org.misf.model..", METRICS = "org.misf.metrics..", EVALUATION = "org.misf.evaluation..",
		CHECKPOINT = "org.misf.checkpoint..", IO = "org.misf.io..", BATCH = "org.misf.batch..", CLI = "org.misf.cli..",
		FIJI = "org.misf.imagej..", FILES = "org.misf.files..", SPARK = "org.misf.spark..";

	/** Row {@code layer} of the table: its classes use only these packages, their own and the JDK's. */
	private static ArchRule row(final String layer, final String... uses) {
		return row(layer, resideInAnyPackage(uses));
	}

	private static ArchRule row(final String layer, final DescribedPredicate<JavaClass> uses) {
		return classes().that().resideInAPackage("org.misf." + layer + "..").should().onlyDependOnClassesThat(or(
			resideInAnyPackage("org.misf." + layer + "..", "java..", "javax.."), uses)).as("row " + layer +
				" of the layer table");
	}

	/** The bottom package of file utilities (sha256, claims, stale work): the JDK only. */
	@ArchTest
	static final ArchRule files = row("files");

	@ArchTest
	static final ArchRule core = row("core", IMGLIB2);

	@ArchTest
	static final ArchRule model = row("model", CORE, FILES, IMGLIB2, DJL, "org.yaml.snakeyaml..", "com.sun.jna..");

	/** LPIPS loads its package like MISF packages, but metrics never drives the inpainter (evaluation does). */
	@ArchTest
	static final ArchRule metrics = row("metrics", or(resideInAnyPackage(CORE, IMGLIB2, DJL, IMAGEJ), belongToAnyOf(
		PackageLocator.class, PackageFolder.class, PackageDescriptor.class, ModelPackage.class, Device.class,
		EngineThreads.class, InpaintingException.class)));

	@ArchTest
	static final ArchRule evaluation = row("evaluation", CORE, MODEL, METRICS, IMGLIB2);

	@ArchTest
	static final ArchRule checkpoint = row("checkpoint", CORE, FILES, MODEL, DJL, "net.razorvine.pickle..");

	/** TIFF pages read chunk by chunk and tiled TIFFs written with TwelveMonkeys (walls, README). */
	@ArchTest
	static final ArchRule io = row("io", CORE, MODEL, IMGLIB2, IMAGEJ, "com.twelvemonkeys..");

	@ArchTest
	static final ArchRule batch = row("batch", CORE, FILES, IO, MODEL, IMGLIB2, IMAGEJ, "com.google.gson..");

	@ArchTest
	static final ArchRule cli = row("cli", CORE, FILES, MODEL, METRICS, EVALUATION, CHECKPOINT, IO, BATCH, IMGLIB2, DJL,
		IMAGEJ, "picocli..");

	@ArchTest
	static final ArchRule imagej = row("imagej", CORE, MODEL, METRICS, EVALUATION, CHECKPOINT, IO, BATCH, IMGLIB2,
		DJL, IMAGEJ, "org.scijava..");

	/** The -spark jar's entry and runner: the CLI's commands, the batch's units as Spark tasks. */
	@ArchTest
	static final ArchRule spark = row("spark", CORE, FILES, MODEL, BATCH, CLI, IMAGEJ, "org.apache.spark..", "scala..",
		"picocli..");

	/** The plugin jar and the Fiji and ImageJ bundles carry neither Spark nor org.misf.spark (pom.xml). */
	@ArchTest
	static final ArchRule onlySparkUsesSpark = noClasses().that().resideOutsideOfPackage(SPARK).should()
		.dependOnClassesThat().resideInAnyPackage("org.apache.spark..", "scala..", SPARK).as(
			"only org.misf.spark uses Spark (and nothing uses org.misf.spark), so the plugin jar runs without it");

	@ArchTest
	static final ArchRule cliNeverUsesFiji = noClasses().that().resideInAPackage(CLI).should().dependOnClassesThat()
		.resideInAPackage(FIJI).as("the front-ends are siblings: cli never uses imagej");

	@ArchTest
	static final ArchRule fijiNeverUsesCli = noClasses().that().resideInAPackage(FIJI).should().dependOnClassesThat()
		.resideInAPackage(CLI).as("the front-ends are siblings: imagej never uses cli");

	@ArchTest
	static final ArchRule everyFailureIsAMisfException = classes().that().areAssignableTo(Exception.class).or()
		.areAssignableTo(Error.class).or().haveSimpleNameEndingWith("Exception").should().beAssignableTo(
			MisfException.class).as("every failure type of the project is a MisfException: one type for a front-end " +
				"to catch, one sentence for the user");

	@ArchTest
	static final ArchRule noCycles = slices().matching("org.misf.(*)..").should().beFreeOfCycles();

	/** DJL's static ways to the engine: Engine.getEngine, Engine.getInstance, NDManager.newBaseManager. */
	private static final DescribedPredicate<JavaMethodCall> STARTS_PYTORCH = DescribedPredicate.describe(
		"start PyTorch (Engine.getEngine, Engine.getInstance or NDManager.newBaseManager)", call -> {
			final String owner = call.getTarget().getOwner().getName(), name = call.getName();
			return owner.equals("ai.djl.engine.Engine") && (name.startsWith("getEngine") || name.equals("getInstance")) ||
				owner.equals("ai.djl.ndarray.NDManager") && name.equals("newBaseManager");
		});

	@ArchTest
	static final ArchRule onlyEngineThreadsStartsPyTorch = noClasses().that().doNotBelongToAnyOf(EngineThreads.class)
		.should().callMethodWhere(STARTS_PYTORCH).as("every start of the engine goes through EngineThreads.engine(), " +
			"so its thread counts hold for the session");
}
