package io.meshbone.cli.serve;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

import io.meshbone.cli.KafkaReachability;
import io.meshbone.platform.health.HealthRegistry;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one {@link MeshPart} as this process until SIGTERM: checks the cluster answers, serves the management port,
 * starts the part, prints its addresses as {@code key=value} lines, and stops it cleanly.
 */
final class PartProcess {

    private static final Logger log = LoggerFactory.getLogger(PartProcess.class);

    private final ServeOptions options;
    private final String registryUrl;
    private final int defaultManagementPort;
    private final boolean hasState;
    private final Path dataDir;

    /**
     * @param registryUrl           the registry the part uses, null for the registry itself
     * @param defaultManagementPort the part's management port when {@code --management-port} is not set
     * @param hasState              whether the part runs Kafka Streams apps and so needs a state directory
     * @param dataDir               {@code --data-dir}, or null for a directory of this process's own
     */
    PartProcess(ServeOptions options, String registryUrl, int defaultManagementPort, boolean hasState, Path dataDir) {
        this.options = options;
        this.registryUrl = registryUrl;
        this.defaultManagementPort = defaultManagementPort;
        this.hasState = hasState;
        this.dataDir = dataDir;
    }

    /** Runs {@code part} until a stop signal; returns the exit code: 0 after a clean stop, 1 when it could not start. */
    <T extends AutoCloseable> int run(MeshPart<T> part, PrintStream out, PrintStream err) {
        String command = "meshbone serve " + part.name();
        StopSignal stop = StopSignal.install();
        long started = System.nanoTime();
        Path stateDir = null;
        try {
            Map<String, Object> clientConfig = options.clientConfig();
            KafkaReachability.require(options.bootstrapServer, clientConfig);
            stateDir = hasState ? StreamsStateDir.create(dataDir) : null;
            PrometheusMeterRegistry meters = processMeters();
            HealthRegistry health = new HealthRegistry();
            PartContext context = new PartContext(clientConfig, registryUrl, options.host, stateDir, meters, health);
            try (ManagementServer management = ManagementServer.start(options.host,
                    options.managementPort(defaultManagementPort), meters, health)) {
                out.println("management.url=" + management.url());
                out.flush();
                try (T running = part.start(context)) {
                    if (health.parts().isEmpty()) {
                        // A part with no pieces of its own to report (a Connect worker) is ready once started.
                        health.part(part.name()).running();
                    }
                    out.println("bootstrap.servers=" + context.bootstrapServers());
                    part.addresses(running).forEach((key, value) -> out.println(key + "=" + value));
                    out.printf("%s is up in %d ms%n", command, (System.nanoTime() - started) / 1_000_000);
                    out.flush();
                    stop.await();
                    log.info("stopping");
                }
            }
            out.println(command + " stopped.");
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } catch (Exception e) {
            if (stop.requested()) {
                out.println(command + " stopped.");
                return 0;
            }
            err.println(command + ": " + e.getMessage());
            log.debug("{} failed to start", command, e);
            return 1;
        } finally {
            if (stateDir != null && dataDir == null) {
                deleteQuietly(stateDir);
            }
            out.flush();
            err.flush();
        }
    }

    /** A Prometheus registry with the JVM's and the process's meters, so every part's {@code /metrics} shows them. */
    static PrometheusMeterRegistry processMeters() {
        PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(meters);
        new JvmThreadMetrics().bindTo(meters);
        new ProcessorMetrics().bindTo(meters);
        new UptimeMetrics().bindTo(meters);
        return meters;
    }

    private static void deleteQuietly(Path dir) {
        try {
            Utils.delete(dir.toFile());
        } catch (java.io.IOException e) {
            log.warn("cannot delete the state directory {}: {}", dir, e.toString());
        }
    }
}
