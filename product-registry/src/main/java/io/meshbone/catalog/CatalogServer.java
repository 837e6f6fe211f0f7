package io.meshbone.catalog;

import java.net.URI;

import io.meshbone.catalog.internal.AccessApi;
import io.meshbone.catalog.internal.AccessState;
import io.meshbone.catalog.internal.CatalogApi;
import io.meshbone.catalog.internal.CatalogState;
import io.meshbone.catalog.internal.HealthMonitor;
import io.meshbone.catalog.internal.LiveConsumers;
import io.meshbone.catalog.internal.Sampler;
import io.meshbone.http.JettyServers;
import io.meshbone.platform.health.HealthRegistry;
import org.eclipse.jetty.server.Server;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The product catalog: a REST API and a web page over the mesh's topics, with no database of its own.
 *
 * <pre>{@code
 * try (CatalogServer catalog = CatalogServer.start(CatalogSettings.defaults("localhost:9092", "http://localhost:8081"))) {
 *     URI url = catalog.url();   // http://localhost:8080
 * }
 * }</pre>
 */
public final class CatalogServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CatalogServer.class);
    private static final String REALM = "meshbone-catalog";

    private final CatalogState state;
    private final AccessState access;
    private final HealthMonitor health;
    private final LiveConsumers consumers;
    private final Server jetty;
    private final URI url;

    private CatalogServer(CatalogState state, AccessState access, HealthMonitor health, LiveConsumers consumers, Server jetty,
                          URI url) {
        this.state = state;
        this.access = access;
        this.health = health;
        this.consumers = consumers;
        this.jetty = jetty;
        this.url = url;
    }

    /** Starts reading the mesh's topics and serving HTTP; returns once HTTP is bound. */
    public static CatalogServer start(CatalogSettings settings) {
        return start(settings, new HealthRegistry());
    }

    /**
     * Starts the catalog serving {@code parts} on {@code GET /api/health} (503 when one has failed); its own topic
     * readers report there too, as {@code catalog-reader:*}.
     */
    public static CatalogServer start(CatalogSettings settings, HealthRegistry parts) {
        CatalogState state = CatalogState.start(settings.clientConfig(), parts.part(CatalogState.PART), settings.clusters(), parts);
        AccessState access = AccessState.start(settings.clientConfig(), parts.part(AccessState.PART));
        HealthMonitor health = HealthMonitor.start(settings.clientConfig(), state, parts);
        LiveConsumers consumers = LiveConsumers.start(settings.clientConfig(), state, parts.part(LiveConsumers.PART),
                settings.consumersEvery());
        Server jetty = JettyServers.onPort(settings.host(), settings.port());
        try {
            CatalogApi api = new CatalogApi(state, health, new Sampler(settings.clientConfig(), settings.registryUrl()),
                    settings.clientConfig(), settings.meters(), settings.registryUrl(), settings.clusters(), consumers)
                    .withAccess(new AccessApi(state, access, settings.clientConfig()));
            jetty.setHandler(settings.http().protect(api.handler(), REALM, settings.host(), CatalogApi.CONTENT_TYPES,
                    CatalogApi::refusal));
            jetty.setErrorHandler(CatalogApi.errorHandler());
            jetty.start();
            URI url = JettyServers.url(jetty, settings.host());
            log.info("Catalog serving {} in {}", url, settings.http().secure()
                    ? "secure mode (users of " + settings.http().usersFile().get() + ")" : "open mode");
            return new CatalogServer(state, access, health, consumers, jetty, url);
        } catch (Exception e) {
            JettyServers.stopQuietly(jetty);
            consumers.close();
            health.close();
            access.close();
            state.close();
            throw new IllegalStateException("Cannot start the catalog on " + settings.host() + ":" + settings.port(), e);
        }
    }

    /** The base URL, with the port actually bound. */
    public URI url() {
        return url;
    }

    /** True once the catalog has read the products, decisions and lineage topics to the end they had at start. */
    public boolean caughtUp() {
        return state.caughtUp();
    }

    /** Stops HTTP, then the Kafka readers; idempotent. */
    @Override
    public void close() {
        JettyServers.stopQuietly(jetty);
        consumers.close();
        health.close();
        access.close();
        state.close();
    }
}
