package io.meshbone.cli.serve;

import java.util.Map;

import io.meshbone.catalog.CatalogServer;
import io.meshbone.catalog.CatalogSettings;

/** The catalog (REST API, web page, {@code /metrics}); instances are stateless readers of the mesh's topics. */
public record CatalogPart(int port) implements MeshPart<CatalogServer> {

    @Override
    public String name() {
        return "catalog";
    }

    @Override
    public CatalogServer start(PartContext context) {
        return CatalogServer.start(new CatalogSettings(context.clientConfig(), context.registryUrl(), context.host(), port,
                context.meters()), context.health());
    }

    @Override
    public Map<String, String> addresses(CatalogServer started) {
        return Map.of("catalog.url", started.url().toString());
    }
}
