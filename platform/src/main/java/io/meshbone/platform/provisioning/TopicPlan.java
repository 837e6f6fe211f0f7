package io.meshbone.platform.provisioning;

import java.util.Map;

/**
 * The shape one topic should have: partitions, replication and the topic configs Meshbone owns.
 *
 * <p>Configs not named here are left as the cluster has them, so an operator's own tuning survives.
 */
public record TopicPlan(String name, int partitions, short replicationFactor, Map<String, String> configs) {

    public TopicPlan {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("topic plan: name must not be blank");
        }
        if (partitions < 1) {
            throw new IllegalArgumentException("topic plan " + name + ": partitions must be at least 1, got " + partitions);
        }
        if (replicationFactor < 1) {
            throw new IllegalArgumentException("topic plan " + name + ": replication factor must be at least 1, got " + replicationFactor);
        }
        configs = Map.copyOf(configs);
    }
}
