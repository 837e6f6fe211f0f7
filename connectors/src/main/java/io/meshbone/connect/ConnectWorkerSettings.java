package io.meshbone.connect;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How to run an in-process Connect worker: the broker, the REST listener, the group and its internal topics.
 *
 * @param bootstrapServers the Kafka cluster the worker joins and keeps its internal topics on
 * @param host REST listener host
 * @param port REST listener port, 8083 by default; 0 picks a free one
 * @param groupId the Connect cluster's group; workers with the same group share connectors
 * @param topicPrefix prefix of the internal topics {@code <prefix>-configs}, {@code -offsets}, {@code -status}
 * @param replicationFactor replication factor of the internal topics
 * @param overrides further worker settings, applied last
 * @param usersFile secure mode: the REST API asks for HTTP basic auth as a user of this file ({@code <name>: <password>}
 *                  lines), through Kafka's {@code BasicAuthSecurityRestExtension}; empty = open
 */
public record ConnectWorkerSettings(String bootstrapServers, String host, int port, String groupId,
                                    String topicPrefix, short replicationFactor, Map<String, String> overrides,
                                    Optional<Path> usersFile) {

    public static final int DEFAULT_PORT = 8083;
    public static final String DEFAULT_GROUP = "meshbone-connect";
    public static final String DEFAULT_TOPIC_PREFIX = "_connect";

    public ConnectWorkerSettings {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0-65535, got " + port);
        }
        if (replicationFactor < 1) {
            throw new IllegalArgumentException("replicationFactor must be at least 1, got " + replicationFactor);
        }
        overrides = Map.copyOf(overrides);
        Objects.requireNonNull(usersFile, "usersFile");
    }

    /** Settings with an open REST API. */
    public ConnectWorkerSettings(String bootstrapServers, String host, int port, String groupId,
                                 String topicPrefix, short replicationFactor, Map<String, String> overrides) {
        this(bootstrapServers, host, port, groupId, topicPrefix, replicationFactor, overrides, Optional.empty());
    }

    /** Port 8083 on localhost, group {@code meshbone-connect}, topics {@code _connect-*} with one replica. */
    public static ConnectWorkerSettings defaults(String bootstrapServers) {
        return new ConnectWorkerSettings(bootstrapServers, "localhost", DEFAULT_PORT, DEFAULT_GROUP,
                DEFAULT_TOPIC_PREFIX, (short) 1, Map.of());
    }

    public ConnectWorkerSettings withHost(String value) {
        return new ConnectWorkerSettings(bootstrapServers, value, port, groupId, topicPrefix, replicationFactor, overrides, usersFile);
    }

    public ConnectWorkerSettings withPort(int value) {
        return new ConnectWorkerSettings(bootstrapServers, host, value, groupId, topicPrefix, replicationFactor, overrides, usersFile);
    }

    public ConnectWorkerSettings withGroup(String group, String prefix) {
        return new ConnectWorkerSettings(bootstrapServers, host, port, group, prefix, replicationFactor, overrides, usersFile);
    }

    public ConnectWorkerSettings withReplicationFactor(short value) {
        return new ConnectWorkerSettings(bootstrapServers, host, port, groupId, topicPrefix, value, overrides, usersFile);
    }

    /** Adds worker settings (e.g. SASL client settings), replacing earlier ones of the same name. */
    public ConnectWorkerSettings withOverrides(Map<String, String> more) {
        Map<String, String> merged = new LinkedHashMap<>(overrides);
        merged.putAll(more);
        return new ConnectWorkerSettings(bootstrapServers, host, port, groupId, topicPrefix, replicationFactor, merged, usersFile);
    }

    /** Secure mode: the REST API takes only the users of {@code file}, by HTTP basic auth. */
    public ConnectWorkerSettings withUsersFile(Path file) {
        return new ConnectWorkerSettings(bootstrapServers, host, port, groupId, topicPrefix, replicationFactor, overrides,
                Optional.of(file));
    }

    /** The worker properties {@code ConnectDistributed} reads. */
    Map<String, String> workerProperties() {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("bootstrap.servers", bootstrapServers);
        props.put("group.id", groupId);
        props.put("config.storage.topic", topicPrefix + "-configs");
        props.put("offset.storage.topic", topicPrefix + "-offsets");
        props.put("status.storage.topic", topicPrefix + "-status");
        String replicas = Short.toString(replicationFactor);
        props.put("config.storage.replication.factor", replicas);
        props.put("offset.storage.replication.factor", replicas);
        props.put("status.storage.replication.factor", replicas);
        props.put("listeners", "http://" + host + ":" + port);
        props.put("rest.advertised.host.name", host);
        // Connectors name their own converters; JSON is only the fallback for those that do not.
        props.put("key.converter", "org.apache.kafka.connect.json.JsonConverter");
        props.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        // Plugins are on the classpath with ServiceLoader manifests: no slow classpath scan.
        props.put("plugin.discovery", "service_load");
        props.put("offset.flush.interval.ms", "1000");
        props.put("scheduled.rebalance.max.delay.ms", "0");
        // Connectors name their secrets as ${file:/path:key} or ${directory:/dir:file}: REST answers show that, never the value.
        props.put("config.providers", "file,directory");
        props.put("config.providers.file.class", "org.apache.kafka.common.config.provider.FileConfigProvider");
        props.put("config.providers.directory.class", "org.apache.kafka.common.config.provider.DirectoryConfigProvider");
        usersFile.ifPresent(file -> props.put("rest.extension.classes", RestUsers.EXTENSION));
        props.putAll(overrides);
        return props;
    }
}
