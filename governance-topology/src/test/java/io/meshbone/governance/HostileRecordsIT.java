package io.meshbone.governance;

import static io.meshbone.governance.GateFixtures.framed;
import static io.meshbone.governance.GateFixtures.payment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.meshbone.localkafka.KafkaCluster;
import io.meshbone.localkafka.testing.SharedKafka;
import io.meshbone.localkafka.testing.TestTopics;
import io.meshbone.platform.lineage.LineageHeaders;
import io.meshbone.platform.registry.SchemaRegistryClient;
import io.meshbone.platform.registry.SchemaRegistryClientSettings;
import io.meshbone.registry.SchemaRegistryServer;
import io.meshbone.registry.SchemaRegistrySettings;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The record that stopped a running mesh, against the gate on a real broker and a real registry: it stops nothing now. */
@ExtendWith(SharedKafka.class)
class HostileRecordsIT {

    private static KafkaCluster kafka;
    private static SchemaRegistryServer registry;
    private static Governance governance;
    private static final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @BeforeAll
    static void startMesh(KafkaCluster cluster, @TempDir Path stateDir) {
        kafka = cluster;
        registry = SchemaRegistryServer.start(SchemaRegistrySettings.defaults(kafka.bootstrapServers()).withPort(0));
        governance = Governance.start(new GovernanceSettings(kafka.clientConfig(), registry.url().toString(), stateDir.resolve("state"),
                meters, Duration.ofSeconds(30)));
        await().atMost(Duration.ofSeconds(120)).until(governance::running);
    }

    @AfterAll
    static void stopMesh() {
        if (governance != null) {
            governance.close();
        }
        if (registry != null) {
            registry.close();
        }
    }

    @Test
    void aStringClaimingTwoGigabytesIsDeadLetteredAndAnotherProductKeepsFlowing(@TempDir Path dir) throws Exception {
        String suffix = TestTopics.letters(6);
        String victim = list(dir, "victim" + suffix);
        String bystander = list(dir, "bystander" + suffix);
        int victimSchemaId = schemaIdOf(victim);
        try (Admin admin = Admin.create(kafka.clientConfig())) {
            await().atMost(Duration.ofSeconds(60)).until(() -> admin.listTopics().names().get()
                    .containsAll(List.of(victim + ".staging", victim + ".dlq", bystander + ".staging", bystander)));
        }
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(kafka.clientConfig(), new StringSerializer(), new ByteArraySerializer())) {
            // Warm up: the gate has found the bystander's staging topic.
            producer.send(new ProducerRecord<>(bystander + ".staging", "p-warm", framed(schemaIdOf(bystander), payment("p-warm", "1.00", "EUR")))).get();
            readUntil(bystander, 1, Duration.ofSeconds(60));

            byte[] hostile = ByteBuffer.allocate(10).put((byte) 0).putInt(victimSchemaId)
                    .put(new byte[] {(byte) 0x80, (byte) 0xd0, (byte) 0xac, (byte) 0xf3, 0x0e}).array();
            producer.send(new ProducerRecord<>(victim + ".staging", "p-hostile", hostile)).get();
            producer.send(new ProducerRecord<>(bystander + ".staging", "p-after", framed(schemaIdOf(bystander), payment("p-after", "2.00", "EUR")))).get();
        }

        List<ConsumerRecord<byte[], byte[]>> passed = readUntil(bystander, 2, Duration.ofSeconds(15));
        assertThat(passed).extracting(r -> new String(r.key(), StandardCharsets.UTF_8)).containsExactly("p-warm", "p-after");
        List<ConsumerRecord<byte[], byte[]>> dead = readUntil(victim + ".dlq", 1, Duration.ofSeconds(15));
        assertThat(dead).singleElement().satisfies(record -> {
            assertThat(LineageHeaders.get(record.headers(), LineageHeaders.ERROR_CODE)).hasValue("UNDECODABLE");
            assertThat(LineageHeaders.get(record.headers(), LineageHeaders.ERROR_REASON)).get().asString().contains("2000000000 bytes");
        });
        assertThat(readUntil(victim, 0, Duration.ofSeconds(1))).isEmpty();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(count("mesh.gate.records.in", victim)).isEqualTo(1.0);
            assertThat(count("mesh.gate.records.in", bystander)).isEqualTo(2.0);
            for (String product : List.of(victim, bystander)) {
                assertThat(count("mesh.gate.records.in", product))
                        .isEqualTo(count("mesh.gate.records.out", product) + count("mesh.gate.records.dlq", product));
            }
        });
        assertThat(governance.running()).isTrue();
    }

    /** Lists a payment product in a fresh domain; answers its product topic. */
    private static String list(Path dir, String domain) throws Exception {
        return GateFixtures.listPayments(kafka.clientConfig(), dir, domain).topic();
    }

    private static int schemaIdOf(String productTopic) {
        return new SchemaRegistryClient(SchemaRegistryClientSettings.of(registry.url().toString())).latest(productTopic + "-value").id();
    }

    private static double count(String meter, String productTopic) {
        String product = productTopic.substring(0, productTopic.lastIndexOf(".v"));
        return meters.find(meter).tag("product", product).counters().stream().mapToDouble(Counter::count).sum();
    }

    private static List<ConsumerRecord<byte[], byte[]>> readUntil(String topic, int count, Duration within) {
        Map<String, Object> config = new HashMap<>(kafka.clientConfig());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(within.plusSeconds(count == 0 ? 5 : 0)).pollDelay(Duration.ZERO).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.size() >= count && (count > 0 || !consumer.assignment().isEmpty());
            });
            // Drain what is already there, so an extra record would be seen.
            consumer.poll(Duration.ofMillis(500)).forEach(records::add);
        }
        return records;
    }
}
