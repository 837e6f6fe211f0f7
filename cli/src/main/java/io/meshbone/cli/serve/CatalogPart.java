package io.meshbone.cli.serve;

import java.util.Map;
import java.util.Optional;

import io.meshbone.catalog.CatalogServer;
import io.meshbone.catalog.CatalogSettings;
import io.meshbone.http.HttpSecurity;

/**
 * The catalog (REST API, web page, {@code /metrics}); instances are stateless readers of the mesh's topics.
 *
 * @param port the HTTP port (0 = free port)
 * @param http the users file (secure mode) and the further names mutating requests may carry
 */
public record CatalogPart(int port, HttpSecurity http) implements MeshPart<CatalogServer> {

    /** In open mode. */
    public CatalogPart(int port) {
        this(port, HttpSecurity.open());
    }

    @Override
    public String name() {
        return "catalog";
    }

    @Override
    public CatalogServer start(PartContext context) {
        return CatalogServer.start(new CatalogSettings(context.clientConfig(), context.registryUrl(), context.host(), port,
                context.meters(), Optional.empty(), http), context.health());
    }

    @Override
    public Map<String, String> addresses(CatalogServer started) {
        return Map.of("catalog.url", started.url().toString());
    }
}
