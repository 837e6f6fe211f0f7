package io.meshbone.catalog;

import java.util.HashMap;
import java.util.Map;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * How to run the catalog service.
 *
 * @param clientConfig Kafka client properties, at least {@code bootstrap.servers}
 * @param registryUrl  the schema registry the sample endpoint decodes records with
 * @param host         the interface to listen on
 * @param port         the HTTP port; 0 picks a free one
 * @param meters       the registry {@code GET /metrics} renders; pass the gate's registry to include its meters
 */
public record CatalogSettings(Map<String, Object> clientConfig, String registryUrl, String host, int port,
                              PrometheusMeterRegistry meters) {

    /** The catalog's default port. */
    public static final int DEFAULT_PORT = 8080;

    public CatalogSettings {
        clientConfig = Map.copyOf(clientConfig);
        if (!clientConfig.containsKey("bootstrap.servers")) {
            throw new IllegalArgumentException("clientConfig must contain bootstrap.servers");
        }
    }

    /** Defaults: localhost, port 8080, a fresh Prometheus registry. */
    public static CatalogSettings defaults(String bootstrapServers, String registryUrl) {
        Map<String, Object> config = new HashMap<>();
        config.put("bootstrap.servers", bootstrapServers);
        return new CatalogSettings(config, registryUrl, "localhost", DEFAULT_PORT,
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    }

    public CatalogSettings withPort(int value) {
        return new CatalogSettings(clientConfig, registryUrl, host, value, meters);
    }

    public CatalogSettings withHost(String value) {
        return new CatalogSettings(clientConfig, registryUrl, value, port, meters);
    }

    public CatalogSettings withMeters(PrometheusMeterRegistry value) {
        return new CatalogSettings(clientConfig, registryUrl, host, port, value);
    }

    public String bootstrapServers() {
        return clientConfig.get("bootstrap.servers").toString();
    }
}
