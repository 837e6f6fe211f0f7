package io.meshbone.catalog;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.meshbone.http.HttpSecurity;
import io.meshbone.platform.mesh.MeshTopology;

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
 * @param clusters     the mesh's clusters, so each product says where it is served ({@code servedOn}); empty for one
 * @param http         secure mode's users file (sign-in; requests made as the signed-in principal), and the further
 *                     host names and origins mutating requests may carry
 */
public record CatalogSettings(Map<String, Object> clientConfig, String registryUrl, String host, int port,
                              PrometheusMeterRegistry meters, Optional<MeshTopology> clusters, HttpSecurity http) {

    /** The catalog's default port. */
    public static final int DEFAULT_PORT = 8080;

    public CatalogSettings {
        clientConfig = Map.copyOf(clientConfig);
        if (!clientConfig.containsKey("bootstrap.servers")) {
            throw new IllegalArgumentException("clientConfig must contain bootstrap.servers");
        }
        Objects.requireNonNull(clusters, "clusters");
        Objects.requireNonNull(http, "http");
    }

    /** Settings in open mode. */
    public CatalogSettings(Map<String, Object> clientConfig, String registryUrl, String host, int port,
                           PrometheusMeterRegistry meters, Optional<MeshTopology> clusters) {
        this(clientConfig, registryUrl, host, port, meters, clusters, HttpSecurity.open());
    }

    /** Settings for a co-located mesh: one cluster, no {@code servedOn}. */
    public CatalogSettings(Map<String, Object> clientConfig, String registryUrl, String host, int port,
                           PrometheusMeterRegistry meters) {
        this(clientConfig, registryUrl, host, port, meters, Optional.empty(), HttpSecurity.open());
    }

    /** With the mesh's clusters: product details carry {@code servedOn}. */
    public CatalogSettings withClusters(MeshTopology value) {
        return new CatalogSettings(clientConfig, registryUrl, host, port, meters, Optional.of(value), http);
    }

    /** Defaults: localhost, port 8080, a fresh Prometheus registry. */
    public static CatalogSettings defaults(String bootstrapServers, String registryUrl) {
        Map<String, Object> config = new HashMap<>();
        config.put("bootstrap.servers", bootstrapServers);
        return new CatalogSettings(config, registryUrl, "localhost", DEFAULT_PORT,
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    }

    public CatalogSettings withPort(int value) {
        return new CatalogSettings(clientConfig, registryUrl, host, value, meters, clusters, http);
    }

    public CatalogSettings withHost(String value) {
        return new CatalogSettings(clientConfig, registryUrl, value, port, meters, clusters, http);
    }

    public CatalogSettings withMeters(PrometheusMeterRegistry value) {
        return new CatalogSettings(clientConfig, registryUrl, host, port, value, clusters, http);
    }

    /** Secure mode: callers sign in as the users of {@code file} ({@code <name>: <password>} lines). */
    public CatalogSettings withUsersFile(Path file) {
        return new CatalogSettings(clientConfig, registryUrl, host, port, meters, clusters, http.withUsersFile(file));
    }

    /** More host names a mutating request's {@code Host} may carry, beside loopback and the bound host. */
    public CatalogSettings withAllowedHosts(List<String> names) {
        return new CatalogSettings(clientConfig, registryUrl, host, port, meters, clusters, http.withAllowedHosts(names));
    }

    /** Origins whose pages may send mutating requests, beside the catalog's own. */
    public CatalogSettings withAllowedOrigins(List<String> origins) {
        return new CatalogSettings(clientConfig, registryUrl, host, port, meters, clusters, http.withAllowedOrigins(origins));
    }

    public String bootstrapServers() {
        return clientConfig.get("bootstrap.servers").toString();
    }
}
