package io.meshbone.cli.serve;

import java.util.Map;
import java.util.Optional;

import io.meshbone.catalog.CatalogServer;
import io.meshbone.catalog.CatalogSettings;
import io.meshbone.platform.mesh.MeshTopology;

/** The catalog (REST API, web page, {@code /metrics}); instances are stateless readers of the mesh's topics. */
public record CatalogPart(int port, Optional<MeshTopology> clusters) implements MeshPart<CatalogServer> {

    /** On a co-located mesh: no cluster topology. */
    public CatalogPart(int port) {
        this(port, Optional.empty());
    }

    @Override
    public String name() {
        return "catalog";
    }

    @Override
    public CatalogServer start(PartContext context) {
        CatalogSettings settings = new CatalogSettings(context.clientConfig(), context.registryUrl(), context.host(), port,
                context.meters());
        return CatalogServer.start(clusters.map(settings::withClusters).orElse(settings), context.health());
    }

    @Override
    public Map<String, String> addresses(CatalogServer started) {
        return Map.of("catalog.url", started.url().toString());
    }
}
