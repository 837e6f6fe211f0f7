package io.meshbone.connect;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Connect part of {@code meshbone up}: a worker in this JVM plus the dashboard sink when PostgreSQL is there.
 *
 * <p>If the dashboard database does not accept connections, this says so once and runs the worker without
 * the sink, instead of letting a task fail and retry; {@code meshbone connect apply -f dashboard-sink.json}
 * adds it later. A {@code dashboard-sink} already applied against another database is kept as it is.
 */
public final class EmbeddedConnect implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedConnect.class);
    static final String DASHBOARD_SINK = "dashboard-sink.json";
    static final String DASHBOARD_SECRETS = "dashboard-db.properties";

    private final ConnectWorker worker;
    private final Optional<String> sinkSkipped;
    private final Path secrets;

    private EmbeddedConnect(ConnectWorker worker, Optional<String> sinkSkipped, Path secrets) {
        this.worker = worker;
        this.sinkSkipped = sinkSkipped;
        this.secrets = secrets;
    }

    /**
     * Starts the worker and applies the bundled dashboard sink against {@code registryUrl}.
     *
     * @param sinkOverrides settings replacing the bundled sink's, e.g. {@code connection.url}
     */
    public static EmbeddedConnect start(ConnectWorkerSettings settings, URI registryUrl, Map<String, String> sinkOverrides) {
        Map<String, String> changes = new LinkedHashMap<>();
        changes.put("value.converter.schema.registry.url", registryUrl.toString());
        changes.putAll(sinkOverrides);
        Path secrets = bundledSecrets();
        try {
            ConnectorConfig sink = ConnectorSecrets.externalize(ConnectorConfig.bundled(DASHBOARD_SINK).with(changes), secrets);
            return startSink(ConnectWorker.start(settings), sink, secrets);
        } catch (RuntimeException e) {
            delete(secrets);
            throw e;
        }
    }

    private static EmbeddedConnect startSink(ConnectWorker worker, ConnectorConfig sink, Path secrets) {
        try {
            Optional<String> appliedUrl = userAppliedUrl(worker.client(), sink);
            if (appliedUrl.isPresent()) {
                log.info("Keeping connector {} as applied (connection.url {}); the bundled one is not applied over it",
                        sink.name(), appliedUrl.get());
                return new EmbeddedConnect(worker, Optional.empty(), secrets);
            }
            Optional<String> unreachable = DashboardDatabase.unreachable(sink);
            if (unreachable.isPresent()) {
                log.warn("{}; running without the dashboard sink (apply {} once PostgreSQL is up)", unreachable.get(),
                        DASHBOARD_SINK);
            } else {
                worker.client().apply(sink);
                log.info("Dashboard sink {} applied", sink.name());
            }
            return new EmbeddedConnect(worker, unreachable, secrets);
        } catch (RuntimeException e) {
            worker.close();
            throw e;
        }
    }

    /**
     * The {@code connection.url} of a connector of the sink's name that the worker already keeps (from its config
     * topic, e.g. applied by hand against another database) when it differs from the bundled one's; applying the
     * bundled sink would silently move the records elsewhere. Shown without its query, which may hold a password.
     */
    private static Optional<String> userAppliedUrl(ConnectClient client, ConnectorConfig sink) {
        String bundledUrl = sink.config().get("connection.url");
        return client.config(sink.name())
                .map(applied -> applied.get("connection.url"))
                .filter(url -> !url.equals(bundledUrl))
                .map(url -> url.replaceFirst("\\?.*", ""));
    }

    /**
     * A folder of this process's own, readable by its owner only, holding the bundled secrets files (the local
     * dashboard database's password) that the bundled configs name, and any literal secret the overrides gave.
     */
    private static Path bundledSecrets() {
        try {
            Path folder = Files.createTempDirectory("meshbone-connect-secrets-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            folder.toFile().deleteOnExit();
            try (InputStream in = EmbeddedConnect.class.getResourceAsStream("/meshbone/connectors/" + DASHBOARD_SECRETS)) {
                if (in != null) {
                    Path file = folder.resolve(DASHBOARD_SECRETS);
                    Files.copy(in, file);
                    file.toFile().deleteOnExit();
                }
            }
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot make a folder for the connectors' secrets", e);
        }
    }

    /** Why the dashboard sink was not applied; empty when it was. */
    public Optional<String> sinkSkipped() {
        return sinkSkipped;
    }

    public ConnectWorker worker() {
        return worker;
    }

    public URI restUrl() {
        return worker.restUrl();
    }

    /** The folder of this worker's secrets files, removed when it closes. */
    Path secretsFolder() {
        return secrets;
    }

    /** Stops the worker, then removes its secrets folder: the passwords stay on disk no longer than it runs. */
    @Override
    public void close() {
        try {
            worker.close();
        } finally {
            delete(secrets);
        }
    }

    private static void delete(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            log.warn("Cannot remove the connectors' secrets folder {}: {}", folder, e.toString());
        }
    }
}
