package io.meshbone.cli.serve;

import java.util.Map;
import java.util.Optional;

import io.meshbone.catalog.CatalogServer;
import io.meshbone.catalog.CatalogSettings;
import io.meshbone.http.HttpSecurity;
import io.meshbone.platform.mesh.MeshTopology;

/**
 * The catalog (REST API, web page, {@code /metrics}); instances are stateless readers of the mesh's topics.
 *
 * @param port     the HTTP port (0 = free port)
 * @param http     the users file (secure mode) and the further names mutating requests may carry
 * @param clusters the isolated mesh's clusters, so products say where they are served; empty on a co-located mesh
 */
public record CatalogPart(int port, HttpSecurity http, Optional<MeshTopology> clusters) implements MeshPart<CatalogServer> {

    /** In open mode on a co-located mesh. */
    public CatalogPart(int port) {
        this(port, HttpSecurity.open(), Optional.empty());
    }

    @Override
    public String name() {
        return "catalog";
    }

    @Override
    public CatalogServer start(PartContext context) {
        CatalogSettings settings = new CatalogSettings(context.clientConfig(), context.registryUrl(), context.host(), port,
                context.meters(), Optional.empty(), http, CatalogSettings.DEFAULT_CONSUMERS_EVERY);
        return CatalogServer.start(clusters.map(settings::withClusters).orElse(settings), context.health());
    }

    @Override
    public Map<String, String> addresses(CatalogServer started) {
        return Map.of("catalog.url", started.url().toString());
    }
}
