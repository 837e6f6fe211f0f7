package io.meshbone.connect.replication;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

import io.meshbone.platform.mesh.MeshTopology;

/**
 * How to replicate one route: the clusters, the target's Connect worker and MirrorMaker 2's knobs.
 *
 * @param topology          the mesh's clusters
 * @param route             the source and target cluster
 * @param connectUrl        REST URL of a Connect worker joined to the target cluster
 * @param sourceClientConfig Kafka client settings for reading {@code _mesh.products} and records on the source
 *                          ({@code bootstrap.servers} comes from the topology; add security settings here)
 * @param exactlyOnce       whether the worker runs with {@code exactly.once.source.support=enabled}, so the
 *                          connector requires exactly-once delivery
 * @param replicationFactor replication factor of topics MirrorMaker creates on the target
 * @param refreshTopics     how often MirrorMaker looks for new partitions and topics on the source
 * @param credentials       secure mode: a principal's credentials file (Kafka client properties plus
 *                          {@code basic.auth.user.info}) with which the connector and the runner log in to both
 *                          clusters and to the worker's REST API; the connector's settings name its secrets as
 *                          {@code ${file:<path>:<key>}}, which the worker resolves, so Connect never shows them
 */
public record ReplicationSettings(MeshTopology topology, ReplicationRoute route, String connectUrl,
                                  Map<String, Object> sourceClientConfig, boolean exactlyOnce, short replicationFactor,
                                  Duration refreshTopics, Optional<Path> credentials) {

    private static final String BASIC_AUTH = "basic.auth.";

    public ReplicationSettings {
        Objects.requireNonNull(topology, "topology");
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(connectUrl, "connectUrl");
        Objects.requireNonNull(credentials, "credentials");
        sourceClientConfig = Map.copyOf(sourceClientConfig);
        for (String cluster : new String[] {route.source(), route.target()}) {
            if (topology.cluster(cluster).isEmpty()) {
                throw new IllegalArgumentException("route " + route + ": no cluster named '" + cluster + "' in " + topology);
            }
        }
    }

    /** Open mode: no credentials file. */
    public ReplicationSettings(MeshTopology topology, ReplicationRoute route, String connectUrl,
                               Map<String, Object> sourceClientConfig, boolean exactlyOnce, short replicationFactor,
                               Duration refreshTopics) {
        this(topology, route, connectUrl, sourceClientConfig, exactlyOnce, replicationFactor, refreshTopics, Optional.empty());
    }

    /** Exactly-once, replication factor 3 (1 for a one-broker target is the caller's to set), refresh every 10 s. */
    public static ReplicationSettings of(MeshTopology topology, ReplicationRoute route, String connectUrl) {
        return new ReplicationSettings(topology, route, connectUrl, Map.of(), true, (short) 3, Duration.ofSeconds(10));
    }

    public ReplicationSettings withReplicationFactor(short value) {
        return new ReplicationSettings(topology, route, connectUrl, sourceClientConfig, exactlyOnce, value, refreshTopics,
                credentials);
    }

    public ReplicationSettings withExactlyOnce(boolean value) {
        return new ReplicationSettings(topology, route, connectUrl, sourceClientConfig, value, replicationFactor, refreshTopics,
                credentials);
    }

    public ReplicationSettings withRefreshTopics(Duration value) {
        return new ReplicationSettings(topology, route, connectUrl, sourceClientConfig, exactlyOnce, replicationFactor, value,
                credentials);
    }

    /** Secure mode: MirrorMaker and the runner log in with the credentials file {@code file} (e.g. {@code mirror.properties}). */
    public ReplicationSettings withCredentials(Path file) {
        return new ReplicationSettings(topology, route, connectUrl, sourceClientConfig, exactlyOnce, replicationFactor,
                refreshTopics, Optional.of(file.toAbsolutePath()));
    }

    /** The Kafka client settings of the credentials file (none in open mode), read now: its basic auth left out. */
    public Map<String, String> login() {
        Map<String, String> login = new LinkedHashMap<>();
        credentialsFile().forEach((key, value) -> {
            if (!key.startsWith(BASIC_AUTH)) {
                login.put(key, value);
            }
        });
        return login;
    }

    /** The worker's REST API login, {@code user:password}, from the credentials file's {@code basic.auth.user.info}. */
    public Optional<String> restUserInfo() {
        return Optional.ofNullable(credentialsFile().get(BASIC_AUTH + "user.info"));
    }

    /** Client settings on {@code bootstrapServers}: {@link #sourceClientConfig} with the {@link #login}. */
    public Map<String, Object> clientConfig(String bootstrapServers) {
        Map<String, Object> config = new LinkedHashMap<>(sourceClientConfig);
        config.putAll(login());
        config.put("bootstrap.servers", bootstrapServers);
        return config;
    }

    private Map<String, String> credentialsFile() {
        if (credentials.isEmpty()) {
            return Map.of();
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(credentials.get(), StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the credentials file " + credentials.get(), e);
        }
        Map<String, String> values = new LinkedHashMap<>();
        properties.stringPropertyNames().forEach(name -> values.put(name, properties.getProperty(name)));
        return values;
    }

    public String sourceBootstrapServers() {
        return topology.cluster(route.source()).orElseThrow().bootstrapServers();
    }

    public String targetBootstrapServers() {
        return topology.cluster(route.target()).orElseThrow().bootstrapServers();
    }
}
