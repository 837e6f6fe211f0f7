package io.meshbone.cli.serve;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.meshbone.connect.ConnectWorkerSettings;
import io.meshbone.connect.EmbeddedConnect;
import io.meshbone.http.HttpSecurity;
import io.meshbone.platform.control.MeshTopicPlans;

/**
 * A distributed Kafka Connect worker with the Meshbone plugin and Debezium, plus the dashboard sink when PostgreSQL
 * answers; workers started with the same group form one Connect cluster.
 *
 * @param port the REST port (0 = free port)
 * @param http the users file that turns on basic auth on the REST API (secure mode); hosts and origins are not used
 */
public record ConnectPart(int port, HttpSecurity http) implements MeshPart<EmbeddedConnect> {

    /** In open mode. */
    public ConnectPart(int port) {
        this(port, HttpSecurity.open());
    }

    private static final String[] CLIENT_PREFIXES = {"", "producer.", "consumer.", "admin."};

    @Override
    public String name() {
        return "connect";
    }

    @Override
    public EmbeddedConnect start(PartContext context) {
        ConnectWorkerSettings worker = ConnectWorkerSettings.defaults(context.bootstrapServers())
                .withHost(context.host()).withPort(port)
                .withReplicationFactor(MeshTopicPlans.replication(context.brokers()))
                .withOverrides(workerClientSettings(context.clientConfig()));
        worker = http.usersFile().map(worker::withUsersFile).orElse(worker);
        return EmbeddedConnect.start(worker, URI.create(context.registryUrl()), converterSignIn(context.clientConfig()));
    }

    /** The dashboard sink's converter signs in to a secure registry as the worker does (the secret moves to a file). */
    public static Map<String, String> converterSignIn(Map<String, Object> clientConfig) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (String name : List.of("basic.auth.credentials.source", "basic.auth.user.info")) {
            Object value = clientConfig.get(name);
            if (value != null) {
                settings.put("value.converter." + name, value.toString());
            }
        }
        return settings;
    }

    /**
     * The pass-through client settings for the worker itself and, prefixed, for its tasks' producers, consumers
     * and admin clients: a worker's own settings do not reach them (as in Confluent's {@code CONNECT_PRODUCER_*}).
     */
    public static Map<String, String> workerClientSettings(Map<String, Object> clientConfig) {
        Map<String, String> settings = new LinkedHashMap<>();
        clientConfig.forEach((name, value) -> {
            if (!name.equals("bootstrap.servers")) {
                for (String prefix : CLIENT_PREFIXES) {
                    settings.put(prefix + name, String.valueOf(value));
                }
            }
        });
        return settings;
    }

    @Override
    public Map<String, String> addresses(EmbeddedConnect started) {
        return Map.of("connect.url", started.restUrl().toString());
    }
}
