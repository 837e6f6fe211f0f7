package io.meshbone.platform.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** A {@link ContractClient} that cannot be built leaves no Kafka client behind. */
class ContractClientTest {

    @Test
    void closesItsProducerWhenTheDecisionsConsumerCannotBeCreated() {
        String clientId = "contract-client-test-" + UUID.randomUUID();
        // A consumer-only setting with a value the consumer refuses: the producer is built, the consumer is not.
        Map<String, Object> config = Map.of("bootstrap.servers", "127.0.0.1:9", "client.id", clientId,
                "group.protocol", "no-such-protocol");

        assertThatThrownBy(() -> new ContractClient(config)).isInstanceOf(ConfigException.class);

        assertThat(Thread.getAllStackTraces().keySet()).as("threads of a producer left open")
                .noneMatch(thread -> thread.getName().contains(clientId));
    }

    @Test
    void aProducerLeftOpenWouldShowAsAThreadNamedAfterItsClientId() {
        String clientId = "contract-client-test-" + UUID.randomUUID();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.<String, Object>of("bootstrap.servers", "127.0.0.1:9", "client.id", clientId),
                new StringSerializer(), new StringSerializer())) {
            assertThat(Thread.getAllStackTraces().keySet()).anyMatch(thread -> thread.getName().contains(clientId));
        }
    }
}
