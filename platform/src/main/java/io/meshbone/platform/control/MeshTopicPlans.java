package io.meshbone.platform.control;

import java.util.List;
import java.util.Map;

import io.meshbone.platform.provisioning.TopicPlan;

/** The shapes of the mesh's internal topics, sized for a cluster of a given broker count. */
public final class MeshTopicPlans {

    /** Kafka's default {@code message.max.bytes}, set explicitly on staging and product topics so the gate can rely on it. */
    public static final int STAGING_MAX_MESSAGE_BYTES = 1_048_588;
    /**
     * Dead-letter topics take what staging took plus 64 KiB for the gate's {@code mesh.source} and error headers, so a
     * staged record can always be dead-lettered.
     */
    public static final int DEAD_LETTER_MAX_MESSAGE_BYTES = STAGING_MAX_MESSAGE_BYTES + 64 * 1024;

    private MeshTopicPlans() {
    }

    public static List<TopicPlan> internal(int brokers) {
        short replication = replication(brokers);
        Map<String, String> compacted = withMinIsr(Map.of("cleanup.policy", "compact"), brokers);
        return List.of(
                // One partition: the contract gate decides requests in the order they were made.
                new TopicPlan(MeshTopics.PRODUCT_REQUESTS, 1, replication, withMinIsr(Map.of("retention.ms", "604800000"), brokers)),
                new TopicPlan(MeshTopics.PRODUCTS, 1, replication, compacted),
                // One partition each, like product requests: the contract gate decides policies and contracts in one order.
                new TopicPlan(MeshTopics.POLICY_REQUESTS, 1, replication, withMinIsr(Map.of("retention.ms", "604800000"), brokers)),
                new TopicPlan(MeshTopics.POLICIES, 1, replication, compacted),
                // The provisioner reads both to the end on every start to derive the ACLs.
                new TopicPlan(MeshTopics.ACCESS_GRANTS, 1, replication, compacted),
                new TopicPlan(MeshTopics.DOMAINS, 1, replication, compacted),
                new TopicPlan(MeshTopics.DECISIONS, 1, replication, withMinIsr(Map.of("retention.ms", "2592000000"), brokers)),
                // The latest event per job is the current lineage graph.
                new TopicPlan(MeshTopics.LINEAGE, 1, replication, compacted),
                new TopicPlan(MeshTopics.UNLISTED_DLQ, 3, replication, withMinIsr(Map.of("retention.ms", "604800000",
                        "max.message.bytes", Integer.toString(DEAD_LETTER_MAX_MESSAGE_BYTES)), brokers)));
    }

    /** Replication for mesh topics: three copies where the cluster has three brokers. */
    public static short replication(int brokers) {
        return (short) Math.min(3, brokers);
    }

    /** Adds {@code min.insync.replicas=2} when topics have three copies, so acks=all survives one broker down. */
    public static Map<String, String> withMinIsr(Map<String, String> configs, int brokers) {
        if (replication(brokers) < 3) {
            return configs;
        }
        java.util.HashMap<String, String> withIsr = new java.util.HashMap<>(configs);
        withIsr.put("min.insync.replicas", "2");
        return Map.copyOf(withIsr);
    }
}
