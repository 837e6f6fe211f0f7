package io.meshbone.platform.control;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.meshbone.platform.contract.DataProduct;
import io.meshbone.platform.contract.ProductNames;
import io.meshbone.platform.contract.ProductType;
import io.meshbone.platform.provisioning.TopicPlan;

/**
 * The product, staging and dead-letter topics a listed product needs.
 *
 * <p>The provisioner creates topics from these plans and {@code meshbone export strimzi} renders them as
 * {@code KafkaTopic} resources, so both give a product the same topics.
 */
public final class ProductTopicPlans {

    private static final String STAGING_RETENTION_MS = Long.toString(7L * 24 * 3600 * 1000);
    private static final String DLQ_RETENTION_MS = Long.toString(30L * 24 * 3600 * 1000);
    private static final String MAX_MESSAGE_BYTES = "max.message.bytes";
    private static final String STAGING_MAX = Integer.toString(MeshTopicPlans.STAGING_MAX_MESSAGE_BYTES);
    // A dead letter is a staged record plus the gate's error headers: the DLQ must take more than staging does.
    private static final String DLQ_MAX = Integer.toString(MeshTopicPlans.DEAD_LETTER_MAX_MESSAGE_BYTES);

    /**
     * The product topics' {@code compression.type}, which the record gate's producer also uses: gzip, the one codec
     * every client the mesh promises reads without a plugin (kafkajs reads no lz4, snappy or zstd without one), at
     * level 1. On the quiet 2-core machine the record gate ran 1.3-1.5 times as fast with it as uncompressed at every
     * example record size and at 1 KiB, the five lineage headers (about 170 bytes a record) compressing well within a
     * batch (README, gate benchmark).
     */
    public static final String PRODUCT_COMPRESSION = "gzip";
    /** The gzip level of {@link #PRODUCT_COMPRESSION}: 1, the fastest. */
    public static final String PRODUCT_COMPRESSION_LEVEL = "1";

    private ProductTopicPlans() {
    }

    /** The product, staging and DLQ topics of {@code product}, replicated as {@link MeshTopicPlans#replication} says for {@code brokers}. */
    public static List<TopicPlan> of(DataProduct product, int brokers) {
        ProductNames names = product.names();
        int partitions = product.spec().partitions();
        short replication = MeshTopicPlans.replication(brokers);
        Map<String, String> productConfigs = new HashMap<>();
        productConfigs.put(MAX_MESSAGE_BYTES, STAGING_MAX);
        productConfigs.put("compression.type", PRODUCT_COMPRESSION);
        productConfigs.put("compression.gzip.level", PRODUCT_COMPRESSION_LEVEL);
        if (product.spec().type() == ProductType.ENTITY) {
            productConfigs.put("cleanup.policy", "compact");
        } else {
            productConfigs.put("cleanup.policy", "delete");
            product.spec().retention().ifPresent(retention -> productConfigs.put("retention.ms", Long.toString(retention.toMillis())));
        }
        return List.of(
                new TopicPlan(names.topic(), partitions, replication, MeshTopicPlans.withMinIsr(productConfigs, brokers)),
                // Staging is transit: the gate reads it within seconds, a week covers any outage.
                new TopicPlan(names.stagingTopic(), partitions, replication,
                        MeshTopicPlans.withMinIsr(Map.of("cleanup.policy", "delete", "retention.ms", STAGING_RETENTION_MS, MAX_MESSAGE_BYTES, STAGING_MAX), brokers)),
                new TopicPlan(names.dlqTopic(), partitions, replication,
                        MeshTopicPlans.withMinIsr(Map.of("cleanup.policy", "delete", "retention.ms", DLQ_RETENTION_MS, MAX_MESSAGE_BYTES, DLQ_MAX), brokers)));
    }
}
