package io.meshbone.localkafka.testing;

import io.meshbone.localkafka.KafkaCluster;
import org.testcontainers.kafka.KafkaContainer;

/** A {@link KafkaCluster} on an {@code apache/kafka} container, for machines with a Docker engine. */
final class TestcontainersKafka implements KafkaCluster {

    private static final String IMAGE = "apache/kafka:" + System.getProperty("meshbone.kafka.image.tag", "4.1.1");

    private final KafkaContainer container;

    private TestcontainersKafka(KafkaContainer container) {
        this.container = container;
    }

    static KafkaCluster start() {
        KafkaContainer container = new KafkaContainer(IMAGE)
                .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0")
                .withEnv("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "1")
                .withEnv("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "1");
        container.start();
        return new TestcontainersKafka(container);
    }

    @Override
    public String bootstrapServers() {
        return container.getBootstrapServers();
    }

    @Override
    public int brokerCount() {
        return 1;
    }

    @Override
    public void close() {
        container.stop();
    }
}
