package io.meshbone.connect;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Connect part of {@code meshbone up}: a worker in this JVM plus the dashboard sink when PostgreSQL is there.
 *
 * <p>If the dashboard database does not accept connections, this says so once and runs the worker without
 * the sink, instead of letting a task fail and retry; {@code meshbone connect apply -f dashboard-sink.json}
 * adds it later.
 */
public final class EmbeddedConnect implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedConnect.class);
    static final String DASHBOARD_SINK = "dashboard-sink.json";

    private final ConnectWorker worker;
    private final Optional<String> sinkSkipped;

    private EmbeddedConnect(ConnectWorker worker, Optional<String> sinkSkipped) {
        this.worker = worker;
        this.sinkSkipped = sinkSkipped;
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
        ConnectorConfig sink = ConnectorConfig.bundled(DASHBOARD_SINK).with(changes);
        ConnectWorker worker = ConnectWorker.start(settings);
        try {
            Optional<String> unreachable = DashboardDatabase.unreachable(sink);
            if (unreachable.isPresent()) {
                log.warn("{}; running without the dashboard sink (apply {} once PostgreSQL is up)", unreachable.get(),
                        DASHBOARD_SINK);
            } else {
                worker.client().apply(sink);
                log.info("Dashboard sink {} applied", sink.name());
            }
            return new EmbeddedConnect(worker, unreachable);
        } catch (RuntimeException e) {
            worker.close();
            throw e;
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

    @Override
    public void close() {
        worker.close();
    }
}
