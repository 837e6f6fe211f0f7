package io.meshbone.platform.policy;

import io.meshbone.platform.control.MeshTopicPlans;

/**
 * What policies may know about the Kafka cluster a product is provisioned on.
 *
 * @param brokers how many brokers the cluster has
 */
public record ClusterFacts(int brokers) {

    public ClusterFacts {
        if (brokers < 1) {
            throw new IllegalArgumentException("brokers must be at least 1, got " + brokers);
        }
    }

    /** The replication factor the provisioner gives product topics on this cluster: {@code min(3, brokers)}. */
    public int replication() {
        return MeshTopicPlans.replication(brokers);
    }
}
