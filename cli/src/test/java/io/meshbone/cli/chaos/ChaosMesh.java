package io.meshbone.cli.chaos;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.meshbone.cli.ServeChild;
import io.meshbone.cli.ServeChildren;

/**
 * The mesh as separate OS processes: {@code serve kafka --brokers 3} (three brokers beside one controller), two
 * {@code serve registry}, two {@code serve governance} and one {@code serve catalog}, each started from the packaged
 * jar; closing it kills every process it started.
 */
final class ChaosMesh implements AutoCloseable {

    private static final Duration UP = Duration.ofSeconds(180);

    private final Path dir;
    private final ServeChildren brokers;
    private final ServeChildren children;
    private ServeChild kafka;
    private String bootstrap;
    private final List<ServeChild> registries = new ArrayList<>();
    private final List<String> registryUrls = new ArrayList<>();
    private final ServeChild[] gates = new ServeChild[2];
    private ServeChild catalog;
    private URI catalogUrl;

    private ChaosMesh(Path dir) {
        this.dir = dir;
        // Three brokers in one JVM ran out of a 512 MiB heap once a broker stopped and its partitions moved.
        this.brokers = new ServeChildren(dir, "-Xmx1g");
        this.children = new ServeChildren(dir, "-Xmx512m");
    }

    static ChaosMesh start(Path dir) throws Exception {
        ChaosMesh mesh = new ChaosMesh(dir);
        try {
            mesh.kafka = mesh.brokers.start("kafka", "serve", "kafka", "--brokers", "3", "--port", "0");
            mesh.bootstrap = mesh.kafka.awaitValue("bootstrap.servers=", UP);
            // One after another: JVMs starting side by side on a busy 2-core machine can miss the 10 s reachability window.
            for (String name : List.of("registry-a", "registry-b")) {
                ServeChild registry = mesh.startAndAwaitUp(name, "serve", "registry", "--bootstrap-server", mesh.bootstrap,
                        "--port", "0", "--management-port", "0");
                mesh.registries.add(registry);
                mesh.registryUrls.add(registry.awaitValue("schema.registry.url=", UP));
            }
            mesh.startGate(0);
            mesh.startGate(1);
            mesh.startCatalog();
            return mesh;
        } catch (Exception | AssertionError e) {
            mesh.close();
            throw e;
        }
    }

    String bootstrap() {
        return bootstrap;
    }

    Map<String, Object> clientConfig() {
        return Map.of("bootstrap.servers", bootstrap);
    }

    List<String> registryUrls() {
        return registryUrls;
    }

    ServeChild registry(int index) {
        return registries.get(index);
    }

    /** Both registries, for clients that fail over. */
    String registryUrl() {
        return String.join(",", registryUrls);
    }

    ServeChild kafka() {
        return kafka;
    }

    URI catalogUrl() {
        return catalogUrl;
    }

    /** Starts gate instance {@code index} (0 or 1) on its own state directory, which a restart finds again. */
    void startGate(int index) throws IOException {
        String name = "governance-" + (index + 1);
        gates[index] = startAndAwaitUp(name, "serve", "governance", "--bootstrap-server", bootstrap,
                "--registry-url", registryUrls.get(index % registryUrls.size()), "--management-port", "0",
                "--data-dir", dir.resolve(name).toString());
    }

    /** kill -9 of gate instance {@code index}. */
    void killGate(int index) throws InterruptedException {
        gates[index].kill9();
    }

    void startCatalog() throws IOException {
        catalog = startAndAwaitUp("catalog", "serve", "catalog", "--bootstrap-server", bootstrap,
                "--registry-url", registryUrls.get(1), "--port", "0", "--management-port", "0");
        catalogUrl = URI.create(catalog.awaitValue("catalog.url=", UP));
    }

    void killCatalog() throws InterruptedException {
        catalog.kill9();
    }

    /**
     * Starts {@code meshbone serve <part>} and waits for its "is up" line. A part gives up when the cluster does not
     * answer within 10 s of its start; on this shared 2-core machine (load averages of 20–70 seen) a cold JVM can take
     * that long, so such a start is tried again, up to three times, and said so.
     */
    private ServeChild startAndAwaitUp(String name, String... args) throws IOException {
        for (int attempt = 1; ; attempt++) {
            ServeChild child = children.start(name, args);
            try {
                child.awaitValue("meshbone serve " + args[1] + " is up", UP);
                return child;
            } catch (AssertionError | RuntimeException e) {
                if (attempt == 3 || child.process.isAlive() || !child.output().contains("cannot reach Kafka")) {
                    throw e;
                }
                System.out.printf("%s did not reach Kafka within its 10 s (attempt %d); starting it again%n", name, attempt);
            }
        }
    }

    /** Fails the calling test with a process's output when one of the parts died on its own. */
    void requireAlive() throws IOException {
        kafka.requireAlive();
        for (ServeChild gate : gates) {
            if (gate.process.isAlive() || gate.process.exitValue() != 137) {
                gate.requireAlive();
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        try {
            children.close();
        } finally {
            brokers.close();
        }
    }
}
