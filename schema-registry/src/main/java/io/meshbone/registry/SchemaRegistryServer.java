package io.meshbone.registry;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.meshbone.http.BasicAuthentication;
import io.meshbone.http.HttpSecurity;
import io.meshbone.http.JettyServers;
import io.meshbone.platform.health.HealthRegistry;
import io.meshbone.registry.internal.Access;
import io.meshbone.registry.internal.KafkaStore;
import io.meshbone.registry.internal.ListedSubjects;
import io.meshbone.registry.internal.RegistryApi;
import io.meshbone.registry.internal.RegistryState;
import io.meshbone.registry.internal.SubjectAccess;
import org.apache.kafka.clients.CommonClientConfigs;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Confluent-compatible schema registry, storing its state in a compacted Kafka topic.
 *
 * <pre>{@code
 * try (SchemaRegistryServer registry = SchemaRegistryServer.start(SchemaRegistrySettings.defaults("localhost:9092"))) {
 *     URI url = registry.url();   // http://localhost:8081
 * }
 * }</pre>
 * Several instances may serve the same topic; any of them accepts writes, forwarding them to the current writer
 * (see the README).
 */
public final class SchemaRegistryServer implements AutoCloseable {

    /** The name the registry's reader of its schemas topic reports its health under. */
    public static final String PART = "schema-registry:store-reader";
    private static final Logger log = LoggerFactory.getLogger(SchemaRegistryServer.class);
    private static final String REALM = "meshbone-schema-registry";
    private static final Set<String> WILDCARDS = Set.of("0.0.0.0", "::", "[::]");

    private final KafkaStore store;
    private final RegistryState state;
    private final Server jetty;
    private final URI url;

    private SchemaRegistryServer(KafkaStore store, RegistryState state, Server jetty, URI url) {
        this.store = store;
        this.state = state;
        this.jetty = jetty;
        this.url = url;
    }

    /** Reads the schemas topic to its end, then starts serving HTTP; returns once both are ready. */
    public static SchemaRegistryServer start(SchemaRegistrySettings settings) {
        return start(settings, new HealthRegistry());
    }

    /** As {@link #start(SchemaRegistrySettings)}, its store reader reporting to {@code health} as {@value #PART}. */
    public static SchemaRegistryServer start(SchemaRegistrySettings settings, HealthRegistry health) {
        Map<String, Object> clientConfig = new HashMap<>(settings.kafkaConfig());
        clientConfig.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        RegistryState state = new RegistryState();
        KafkaStore store = KafkaStore.open(clientConfig, settings.topic(), state, health.part(PART));
        Server jetty = JettyServers.onPort(settings.host(), settings.port());
        try {
            String advertisedHost = settings.advertisedUrl().map(URI::getHost).orElseGet(() -> advertisedHost(settings.host()));
            // Other instances forward writes to the advertised name, which must pass the writer's Host check.
            HttpSecurity http = settings.http().withAllowedHosts(with(settings.http().allowedHosts(), advertisedHost));
            Access access = settings.http().secure() ? new SubjectAccess(new ListedSubjects(clientConfig)) : Access.OPEN;
            Handler api = RegistryApi.handler(state, store, settings.topic(), settings.maxBodyBytes(), access);
            Handler signedIn = BasicAuthentication.protect(api, REALM, settings.users());
            jetty.setHandler(http.protect(signedIn, REALM, settings.host(), RegistryApi.CONTENT_TYPES, RegistryApi::refusal));
            jetty.setErrorHandler(RegistryApi.errorHandler());
            jetty.start();
            URI url = JettyServers.url(jetty, settings.host());
            URI advertised = settings.advertisedUrl().orElseGet(() -> URI.create("http://" + bracketed(advertisedHost) + ":"
                    + url.getPort()));
            store.advertiseAs(advertised);
            log.info("Schema registry serving {} from topic {}{}", url, settings.topic(), settings.http().secure()
                    ? " in secure mode (users of " + settings.http().usersFile().get() + ")"
                    : settings.users().isEmpty() ? " in open mode" : " with basic auth");
            return new SchemaRegistryServer(store, state, jetty, url);
        } catch (Exception e) {
            JettyServers.stopQuietly(jetty);
            store.close();
            throw new IllegalStateException("Cannot start the schema registry on " + settings.host() + ":" + settings.port(), e);
        }
    }

    /** The base URL clients use, with the port actually bound. */
    public URI url() {
        return url;
    }

    /** The URL other instances forward writes to while this instance is the writer. */
    public URI advertisedUrl() {
        return URI.create(store.self().orElseThrow());
    }

    /**
     * The instance that wrote the latest record of the schemas topic, which the others forward their writes to; empty
     * while no record names one.
     */
    public Optional<URI> writer() {
        return state.writer().map(URI::create);
    }

    private static String advertisedHost(String host) {
        if (!WILDCARDS.contains(host)) {
            return host;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            // Only other instances use the name; a lone instance works without one, and several still write correctly.
            log.warn("Cannot name this machine ({}); advertising localhost, so other registry instances cannot forward "
                    + "writes to this one: set its advertised URL", e.getMessage());
            return "localhost";
        }
    }

    private static String bracketed(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    private static List<String> with(List<String> names, String name) {
        List<String> all = new ArrayList<>(names);
        all.add(name);
        return all;
    }

    /** Stops serving HTTP, then closes the Kafka clients; idempotent. */
    @Override
    public void close() {
        JettyServers.stopQuietly(jetty);
        store.close();
    }
}
