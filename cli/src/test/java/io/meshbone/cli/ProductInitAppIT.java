package io.meshbone.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

import org.apache.avro.Schema;
import org.apache.avro.compiler.specific.SpecificCompiler;
import org.apache.avro.generic.GenericData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import picocli.CommandLine;

/** The app {@code product init --app} writes compiles against the mesh's libraries, and its own test passes. */
class ProductInitAppIT {

    @Test
    void theGeneratedAppCompilesAndItsTestPasses(@TempDir Path dir) throws Exception {
        Path contracts = dir.resolve("schemas");
        ProductCommandTest.copyExamples(contracts);
        Path appDir = dir.resolve("app");
        StringWriter out = new StringWriter();
        CommandLine command = Meshbone.commandLine();
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(out, true));

        int exit = command.execute("product", "init", "shipping/parcel-label", "--input", "orders.order-placed", "--app",
                "-o", contracts.toString(), "--app-dir", appDir.toString(), "--package", "com.example.shipping");

        assertThat(exit).as(out.toString()).isZero();
        generateAvroClass(contracts.resolve("shipping/parcel-label.avsc"), appDir.resolve("src/main/java"));
        Path classes = Files.createDirectories(dir.resolve("classes"));
        compile(appDir, classes);
        TestExecutionSummary summary = runTest(classes, "com.example.shipping.ParcelLabelAppTest", contracts);
        StringWriter failures = new StringWriter();
        summary.printFailuresTo(new PrintWriter(failures), 20);
        assertThat(summary.getTestsFoundCount()).isEqualTo(1);
        assertThat(summary.getTestsSucceededCount()).as(failures.toString()).isEqualTo(1);
    }

    /** What avro-maven-plugin does for the team: the product's generated class, as the DSL's serdes need it. */
    private static void generateAvroClass(Path avsc, Path sources) throws Exception {
        SpecificCompiler avro = new SpecificCompiler(new Schema.Parser().parse(avsc.toFile()));
        avro.setStringType(GenericData.StringType.String);
        avro.compileToDestination(avsc.toFile(), sources.toFile());
    }

    private static void compile(Path sources, Path classes) throws Exception {
        List<File> files;
        try (Stream<Path> walk = Files.walk(sources)) {
            files = walk.filter(f -> f.toString().endsWith(".java")).map(Path::toFile).toList();
        }
        assertThat(files).hasSize(3);
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager fileManager = compiler.getStandardFileManager(diagnostics, null, null)) {
            // Surefire and failsafe start the JVM through a manifest-only jar; they name the real class path here.
            String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            List<String> options = List.of("-d", classes.toString(), "-classpath", classPath, "--release", "17");
            boolean compiled = compiler.getTask(null, fileManager, diagnostics, options, null,
                    fileManager.getJavaFileObjectsFromFiles(files)).call();
            assertThat(compiled).as(diagnostics.getDiagnostics().toString()).isTrue();
        }
    }

    private static TestExecutionSummary runTest(Path classes, String testClass, Path contracts) throws Exception {
        String previous = System.getProperty("meshbone.contracts");
        ClassLoader caller = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, caller)) {
            System.setProperty("meshbone.contracts", contracts.toString());
            Thread.currentThread().setContextClassLoader(loader);
            LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectClass(loader.loadClass(testClass))).build();
            Launcher launcher = LauncherFactory.create();
            SummaryGeneratingListener listener = new SummaryGeneratingListener();
            launcher.execute(request, listener);
            return listener.getSummary();
        } finally {
            Thread.currentThread().setContextClassLoader(caller);
            if (previous == null) {
                System.clearProperty("meshbone.contracts");
            } else {
                System.setProperty("meshbone.contracts", previous);
            }
        }
    }

}
