package io.meshbone.connect.replication;

import java.util.Objects;

/**
 * One direction products are copied in: from the cluster that publishes them to one that serves them.
 *
 * @param source the publishing cluster's name
 * @param target the serving cluster's name, where the replicating connector runs
 */
public record ReplicationRoute(String source, String target) {

    public ReplicationRoute {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
        if (source.equals(target)) {
            throw new IllegalArgumentException("a replication route needs two clusters, got " + source + " twice");
        }
    }

    /** The connector that replicates this route on the target's Connect worker: {@code meshbone-replication-<source>-to-<target>}. */
    public String connectorName() {
        return "meshbone-replication-" + source + "-to-" + target;
    }

    @Override
    public String toString() {
        return source + " -> " + target;
    }
}
