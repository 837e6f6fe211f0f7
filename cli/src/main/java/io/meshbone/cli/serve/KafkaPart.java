package io.meshbone.cli.serve;

import io.meshbone.localkafka.LocalKafka;
import io.meshbone.localkafka.LocalKafkaSettings;

/**
 * The embedded Kafka cluster (1 or 3 brokers) that {@code up} starts first and {@code serve kafka} runs as a process
 * of its own, for development clusters and tests. Unlike the other parts it needs no cluster to start against.
 *
 * @param settings the cluster's size, listener and data directory
 */
public record KafkaPart(LocalKafkaSettings settings) {

    public String name() {
        return "kafka";
    }

    public LocalKafka start() {
        return LocalKafka.start(settings);
    }
}
