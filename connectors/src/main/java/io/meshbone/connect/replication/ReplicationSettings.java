package io.meshbone.connect.replication;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

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
 */
public record ReplicationSettings(MeshTopology topology, ReplicationRoute route, String connectUrl,
                                  Map<String, Object> sourceClientConfig, boolean exactlyOnce, short replicationFactor,
                                  Duration refreshTopics) {

    public ReplicationSettings {
        Objects.requireNonNull(topology, "topology");
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(connectUrl, "connectUrl");
        sourceClientConfig = Map.copyOf(sourceClientConfig);
        for (String cluster : new String[] {route.source(), route.target()}) {
            if (topology.cluster(cluster).isEmpty()) {
                throw new IllegalArgumentException("route " + route + ": no cluster named '" + cluster + "' in " + topology);
            }
        }
    }

    /** Exactly-once, replication factor 3 (1 for a one-broker target is the caller's to set), refresh every 10 s. */
    public static ReplicationSettings of(MeshTopology topology, ReplicationRoute route, String connectUrl) {
        return new ReplicationSettings(topology, route, connectUrl, Map.of(), true, (short) 3, Duration.ofSeconds(10));
    }

    public ReplicationSettings withReplicationFactor(short value) {
        return new ReplicationSettings(topology, route, connectUrl, sourceClientConfig, exactlyOnce, value, refreshTopics);
    }

    public ReplicationSettings withExactlyOnce(boolean value) {
        return new ReplicationSettings(topology, route, connectUrl, sourceClientConfig, value, replicationFactor, refreshTopics);
    }

    public ReplicationSettings withRefreshTopics(Duration value) {
        return new ReplicationSettings(topology, route, connectUrl, sourceClientConfig, exactlyOnce, replicationFactor, value);
    }

    public String sourceBootstrapServers() {
        return topology.cluster(route.source()).orElseThrow().bootstrapServers();
    }

    public String targetBootstrapServers() {
        return topology.cluster(route.target()).orElseThrow().bootstrapServers();
    }
}
