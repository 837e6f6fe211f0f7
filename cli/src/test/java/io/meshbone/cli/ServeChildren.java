package io.meshbone.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Starts the packaged {@code meshbone.jar} as child processes, each writing to a log file of its own, and kills
 * every one still running on {@link #close()}, also when a test fails.
 */
public final class ServeChildren implements AutoCloseable {

    public static final Path JAR = MeshboneJar.JAR;

    private final Path dir;
    private final List<String> jvmOptions;
    private final List<ServeChild> children = new CopyOnWriteArrayList<>();

    public ServeChildren(Path dir, String... jvmOptions) {
        this.dir = dir;
        this.jvmOptions = List.of(jvmOptions);
        // A test JVM that is told to exit before its tests close this (a failsafe timeout, Ctrl-C) still ends them.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> children.forEach(child -> child.process.destroyForcibly())));
    }

    /** Children for a test's few records: a small heap and {@link MeshboneJar#QUICK_JIT}. */
    public ServeChildren(Path dir) {
        this(dir, "-Xmx384m", MeshboneJar.QUICK_JIT);
    }

    public ServeChild start(String name, String... args) throws IOException {
        return start(name, Map.of(), args);
    }

    public ServeChild start(String name, Map<String, String> environment, String... args) throws IOException {
        List<String> command = MeshboneJar.command(jvmOptions, args);
        // A file, not a pipe: the JDK closes a pipe under a concurrent reader when the child exits.
        Path log = dir.resolve(name + "-" + children.size() + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        ServeChild child = new ServeChild(name, builder.start(), log);
        children.add(child);
        return child;
    }

    /** Starts {@code meshbone serve <part>} ({@code args[0]} is "serve") and waits for its "is up" line. */
    public ServeChild startAndAwaitUp(String name, String... args) throws IOException {
        return startAndAwaitUp(name, Map.of(), args);
    }

    public ServeChild startAndAwaitUp(String name, Map<String, String> environment, String... args) throws IOException {
        ServeChild child = start(name, environment, args);
        child.awaitValue("meshbone serve " + args[1] + " is up", Duration.ofSeconds(180));
        return child;
    }

    @Override
    public void close() throws InterruptedException {
        for (ServeChild child : children) {
            child.process.destroyForcibly();
        }
        for (ServeChild child : children) {
            child.process.waitFor();
        }
    }
}
