package io.meshbone.localkafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.stream.IntStream;

import io.meshbone.localkafka.testing.SharedKafka;
import io.meshbone.localkafka.testing.TestTopics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(SharedKafka.class)
class LocalKafkaIT {

    @Test
    void producesAndConsumesTenThousandRecords(KafkaCluster kafka) throws Exception {
        String topic = TestTopics.unique("ten-thousand");
        createTopic(kafka, topic, 3, 1, Map.of());

        try (KafkaProducer<String, String> producer = producer(kafka, Map.of())) {
            for (int i = 0; i < 10_000; i++) {
                producer.send(new ProducerRecord<>(topic, "key-" + i, "value-" + i));
            }
            producer.flush();
        }

        List<ConsumerRecord<String, String>> records = consumeAtLeast(kafka, topic, 10_000, "read_uncommitted");
        assertThat(records).hasSize(10_000);
        assertThat(records).extracting(ConsumerRecord::value).doesNotHaveDuplicates()
                .containsAll(IntStream.range(0, 10_000).mapToObj(i -> "value-" + i).toList());
    }

    @Test
    void readCommittedConsumerSeesOnlyCommittedTransactions(KafkaCluster kafka) throws Exception {
        String topic = TestTopics.unique("transactions");
        createTopic(kafka, topic, 1, 1, Map.of());

        try (KafkaProducer<String, String> producer = producer(kafka,
                Map.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "tx-" + topic))) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "a", "committed-1"));
            producer.send(new ProducerRecord<>(topic, "b", "committed-2"));
            producer.commitTransaction();

            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "c", "aborted-1"));
            producer.flush();
            producer.abortTransaction();

            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "d", "committed-3"));
            producer.commitTransaction();
        }

        List<ConsumerRecord<String, String>> committed = consumeAtLeast(kafka, topic, 3, "read_committed");
        assertThat(committed).extracting(ConsumerRecord::value)
                .containsExactly("committed-1", "committed-2", "committed-3");

        // The aborted record is in the log: read_uncommitted sees it, so the filter above is the broker's doing.
        List<ConsumerRecord<String, String>> all = consumeAtLeast(kafka, topic, 4, "read_uncommitted");
        assertThat(all).extracting(ConsumerRecord::value).contains("aborted-1");
    }

    @Test
    void threeBrokerClusterServesAReplicatedTopicWithMinIsrTwo() throws Exception {
        try (LocalKafka cluster = LocalKafka.start(LocalKafkaSettings.defaults().withBrokers(3))) {
            assertThat(cluster.brokerCount()).isEqualTo(3);
            assertThat(cluster.bootstrapServers().split(",")).hasSize(3);
            String topic = "replicated";
            createTopic(cluster, topic, 3, 3, Map.of("min.insync.replicas", "2"));

            try (Admin admin = Admin.create(cluster.clientConfig())) {
                TopicDescription description = admin.describeTopics(Set.of(topic)).allTopicNames().get().get(topic);
                assertThat(description.partitions()).allSatisfy(partition -> {
                    assertThat(partition.replicas()).hasSize(3);
                    assertThat(partition.isr()).hasSize(3);
                });
            }
            try (KafkaProducer<String, String> producer = producer(cluster, Map.of(ProducerConfig.ACKS_CONFIG, "all"))) {
                for (int i = 0; i < 100; i++) {
                    producer.send(new ProducerRecord<>(topic, "k" + i, "v" + i)).get();
                }
            }
            assertThat(consumeAtLeast(cluster, topic, 100, "read_committed")).hasSize(100);
        }
    }

    @Test
    void oneOfThreeBrokersStopsAndStartsAgainWithoutLosingRecords() throws Exception {
        try (LocalKafka cluster = LocalKafka.start(LocalKafkaSettings.defaults().withBrokers(3))) {
            String topic = "survives-a-broker";
            createTopic(cluster, topic, 3, 3, Map.of("min.insync.replicas", "2"));
            try (KafkaProducer<String, String> producer = producer(cluster, Map.of(ProducerConfig.ACKS_CONFIG, "all"));
                 Admin admin = Admin.create(cluster.clientConfig())) {
                cluster.stopBroker(2);
                // Two in-sync replicas are enough for acks=all with min.insync.replicas=2.
                for (int i = 0; i < 100; i++) {
                    producer.send(new ProducerRecord<>(topic, "k" + i, "v" + i)).get();
                }
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(isrSizes(admin, topic)).containsOnly(2));
                cluster.startBroker(2);
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(isrSizes(admin, topic)).containsOnly(3));
            }
            assertThat(consumeAtLeast(cluster, topic, 100, "read_committed")).hasSize(100);
            assertThatThrownBy(() -> cluster.startBroker(2)).hasMessageContaining("is running");
            assertThatThrownBy(() -> cluster.stopBroker(7)).hasMessageContaining("got 7");
        }
    }

    private static List<Integer> isrSizes(Admin admin, String topic) throws Exception {
        return admin.describeTopics(Set.of(topic)).allTopicNames().get().get(topic).partitions().stream()
                .map(partition -> partition.isr().size()).toList();
    }

    @Test
    void persistentDataDirKeepsRecordsAcrossARestart(@TempDir Path dataDir) throws Exception {
        LocalKafkaSettings settings = LocalKafkaSettings.defaults().withDataDir(dataDir);
        try (LocalKafka first = LocalKafka.start(settings)) {
            createTopic(first, "kept", 1, 1, Map.of());
            try (KafkaProducer<String, String> producer = producer(first, Map.of())) {
                producer.send(new ProducerRecord<>("kept", "k", "survives a restart")).get();
            }
        }
        try (LocalKafka second = LocalKafka.start(settings)) {
            assertThat(consumeAtLeast(second, "kept", 1, "read_committed"))
                    .extracting(ConsumerRecord::value).containsExactly("survives a restart");
        }
    }

    @Test
    void temporaryDataDirIsRemovedOnClose() {
        LocalKafka kafka = LocalKafka.startSingleNode();
        Path dir = kafka.dataDir();
        assertThat(dir).exists();
        kafka.close();
        assertThat(dir).doesNotExist();
    }

    private static void createTopic(KafkaCluster kafka, String topic, int partitions, int replication,
                                    Map<String, String> configs) throws ExecutionException, InterruptedException {
        try (Admin admin = Admin.create(kafka.clientConfig())) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) replication).configs(configs))).all().get();
        }
    }

    private static KafkaProducer<String, String> producer(KafkaCluster kafka, Map<String, Object> overrides) {
        Map<String, Object> config = new java.util.HashMap<>(kafka.clientConfig());
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.putAll(overrides);
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    private static List<ConsumerRecord<String, String>> consumeAtLeast(KafkaCluster kafka, String topic, int count,
                                                                       String isolation) {
        Map<String, Object> config = new java.util.HashMap<>(kafka.clientConfig());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.size() >= count;
            });
            // One more poll: a consumer that saw too many records must fail the size assertions.
            consumer.poll(Duration.ofMillis(500)).forEach(records::add);
        }
        return records;
    }
}
