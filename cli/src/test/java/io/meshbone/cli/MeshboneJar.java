package io.meshbone.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The command line that runs the packaged {@code meshbone.jar} as a child process, the way a user starts it. */
final class MeshboneJar {

    /** The shaded jar, built in the package phase. */
    static final Path JAR = Path.of("target", "meshbone.jar");

    /**
     * C1 only, for a child that lives seconds to a minute on test-sized data: there C2's compilations cost more CPU
     * than they return, and on two cores that CPU is what the other children and the test need to start. It halves
     * the CPU {@code serve kafka} takes to print its bootstrap line (7.3 s to 3.9 s) and changes no behaviour; the
     * chaos tests, which push a million records through, leave it out.
     */
    static final String QUICK_JIT = "-XX:TieredStopAtLevel=1";

    private MeshboneJar() {
    }

    /** {@code java jvmOptions -jar meshbone.jar args}. */
    static List<String> command(List<String> jvmOptions, String... args) {
        List<String> command = new ArrayList<>();
        command.add(javaBinary());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(JAR.toString());
        command.addAll(List.of(args));
        return command;
    }

    /** {@code java -XX:TieredStopAtLevel=1 -jar meshbone.jar args}: a short run on test-sized data. */
    static List<String> quick(String... args) {
        return command(List.of(QUICK_JIT), args);
    }

    private static String javaBinary() {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return Files.isExecutable(java) ? java.toString() : "java";
    }
}
