package io.meshbone.governance;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * kcat, librdkafka's command-line client, run as a test runs it: one process per call, its output read from files
 * once it has exited, each call bounded in time.
 *
 * <p>Debian's {@code kcat} package (1.7.1, librdkafka 2.0.2) is built without Avro and schema-registry support, so a
 * test decodes the Confluent-framed values kcat prints itself.
 */
final class Kcat {

    static final String MISSING = "kcat is not on the PATH; scripts/install-test-deps.sh installs it (Debian package kcat)";

    private final Path executable;
    private final Path workDir;

    private Kcat(Path executable, Path workDir) {
        this.executable = executable;
        this.workDir = workDir;
    }

    /**
     * Whether kcat is on the PATH, for {@code @EnabledIf}: a class that needs it is skipped without one, except under CI
     * ({@code CI=true}), where {@code scripts/install-test-deps.sh} installs it and its absence fails the class.
     */
    static boolean installed() {
        if (find().isPresent()) {
            return true;
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError(MISSING);
        }
        return false;
    }

    /** The kcat on the PATH, working in {@code workDir}. */
    static Kcat onPath(Path workDir) {
        return new Kcat(find().orElseThrow(() -> new AssertionError(MISSING)), workDir);
    }

    private static Optional<Path> find() {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(dir -> !dir.isEmpty()).map(dir -> Path.of(dir, "kcat")).filter(Files::isExecutable).findFirst();
    }

    /** Runs kcat with these arguments; answers its standard output, failing with its output when it fails. */
    byte[] run(int seconds, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.addAll(List.of(arguments));
        // Into files, not pipes nobody reads while it runs: a client writing more than a pipe holds would block.
        Path out = Files.createTempFile(workDir, "kcat-", ".out");
        Path err = Files.createTempFile(workDir, "kcat-", ".err");
        Process process = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        process.getOutputStream().close();
        boolean finished = process.waitFor(seconds, TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        if (!finished || process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + (finished ? " exited with " + process.exitValue()
                    : " did not finish within " + seconds + " s") + "; stderr: " + Files.readString(err, StandardCharsets.UTF_8)
                    + "; stdout: " + new String(Files.readAllBytes(out), StandardCharsets.UTF_8));
        }
        return Files.readAllBytes(out);
    }

    /** {@link #run}, its output as UTF-8 text. */
    String text(int seconds, String... arguments) throws IOException, InterruptedException {
        return new String(run(seconds, arguments), StandardCharsets.UTF_8);
    }
}
