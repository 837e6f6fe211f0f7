package io.meshbone.localkafka;

import java.util.Map;

/**
 * A running Kafka cluster that clients reach through its bootstrap servers.
 *
 * <p>{@link LocalKafka} is the embedded default; tests may swap in another implementation
 * (for example a Testcontainers broker) without changing a line of test code.
 */
public interface KafkaCluster extends AutoCloseable {

    /** The {@code bootstrap.servers} value for clients of this cluster. */
    String bootstrapServers();

    /** How many brokers serve client traffic. */
    int brokerCount();

    /** Client properties that reach this cluster: at least {@code bootstrap.servers}. */
    default Map<String, Object> clientConfig() {
        return Map.of("bootstrap.servers", bootstrapServers());
    }

    /** Whether clients must authenticate (SASL) and hold ACLs. */
    default boolean secure() {
        return false;
    }

    /** Client properties of the cluster's super user: {@link #clientConfig()} on an open cluster. */
    default Map<String, Object> adminClientConfig() {
        return clientConfig();
    }

    /** Stops the cluster and releases its resources; idempotent. */
    @Override
    void close();
}
