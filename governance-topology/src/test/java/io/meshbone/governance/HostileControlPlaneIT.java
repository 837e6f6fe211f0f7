package io.meshbone.governance;

import static io.meshbone.governance.GateFixtures.framed;
import static io.meshbone.governance.GateFixtures.payment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.meshbone.governance.internal.ListingStoreUpdater;
import io.meshbone.localkafka.KafkaCluster;
import io.meshbone.localkafka.testing.SharedKafka;
import io.meshbone.localkafka.testing.TestTopics;
import io.meshbone.platform.control.ContractClient;
import io.meshbone.platform.control.Decision;
import io.meshbone.platform.control.MeshJson;
import io.meshbone.platform.control.MeshTopics;
import io.meshbone.platform.control.ProductRequest;
import io.meshbone.platform.health.HealthRegistry;
import io.meshbone.platform.health.PartHealth;
import io.meshbone.platform.registry.SchemaRegistryClient;
import io.meshbone.platform.registry.SchemaRegistryClientSettings;
import io.meshbone.registry.SchemaRegistryServer;
import io.meshbone.registry.SchemaRegistrySettings;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile control-plane input against governance on a real broker and registry: contracts that would weaken a
 * listed promise or cost too much, a product Kafka refuses to provision, and malformed records written straight to
 * {@code _mesh.products} and {@code _mesh.product-requests}. After each, a good record of another product still reaches
 * its product topic within seconds, records in = out + DLQ, and no part of governance has failed.
 */
@ExtendWith(SharedKafka.class)
class HostileControlPlaneIT {

    private static final Duration DECISION_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration FLOWS_WITHIN = Duration.ofSeconds(15);
    private static final String SUFFIX = TestTopics.letters(6);
    private static final String BYSTANDER = "bystander" + SUFFIX + ".payment-settled";

    private static KafkaCluster kafka;
    private static SchemaRegistryServer registry;
    private static Governance governance;
    private static final HealthRegistry health = new HealthRegistry();
    private static final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private static int bystanderRecords;

    @BeforeAll
    static void startMesh(KafkaCluster cluster, @TempDir Path stateDir) throws Exception {
        kafka = cluster;
        registry = SchemaRegistryServer.start(SchemaRegistrySettings.defaults(kafka.bootstrapServers()).withPort(0));
        governance = Governance.start(new GovernanceSettings(kafka.clientConfig(), registry.url().toString(), stateDir.resolve("state"),
                meters, Duration.ofSeconds(30)), health);
        await().atMost(Duration.ofSeconds(120)).until(governance::running);
        assertThat(apply(descriptor("bystander" + SUFFIX, "1.0.0"), "User:bystander").outcome()).isEqualTo(Decision.Outcome.ACCEPTED);
        try (Admin admin = Admin.create(kafka.clientConfig())) {
            await().atMost(Duration.ofSeconds(60)).until(() -> admin.listTopics().names().get()
                    .containsAll(List.of(topic(BYSTANDER) + ".staging", topic(BYSTANDER))));
        }
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

    @AfterEach
    void anotherProductStillFlowsAndNothingIsLostOrFailed() throws Exception {
        String key = "after-" + (++bystanderRecords);
        try (KafkaProducer<String, byte[]> producer = producer()) {
            producer.send(new ProducerRecord<>(topic(BYSTANDER) + ".staging", key,
                    framed(schemaIdOf(topic(BYSTANDER)), payment(key, "1.00", "EUR")))).get();
        }
        await().atMost(FLOWS_WITHIN).pollDelay(Duration.ZERO).until(() -> keys(read(topic(BYSTANDER))).contains(key));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(count("mesh.gate.records.in")).isEqualTo(bystanderRecords);
            assertThat(count("mesh.gate.records.in")).isEqualTo(count("mesh.gate.records.out") + count("mesh.gate.records.dlq"));
        });
        assertThat(health.parts()).as("governance parts").isNotEmpty().noneMatch(PartHealth::failed);
        assertThat(governance.running()).isTrue();
    }

    @Test
    void aMinorVersionThatShrinksRetentionAndDropsCompatibilityIsRejectedWithBothReasons() throws Exception {
        String domain = "shrink" + SUFFIX;
        assertThat(apply(descriptor(domain, "1.0.0"), "User:" + domain).outcome()).isEqualTo(Decision.Outcome.ACCEPTED);
        String weakened = descriptor(domain, "1.1.0").replace("retention: 7d", "retention: 1ms")
                .replace("compatibility: BACKWARD", "compatibility: NONE");
        Decision decision = apply(weakened, "User:" + domain);
        assertThat(decision.outcome()).isEqualTo(Decision.Outcome.REJECTED);
        assertThat(decision.reasons()).anySatisfy(r -> assertThat(r).contains("spec.retention: 1ms is shorter than the listed 1.0.0's 7d"))
                .anySatisfy(r -> assertThat(r).contains("spec.compatibility: NONE is weaker than the listed 1.0.0's BACKWARD"));
    }

    @Test
    void aQualityRuleOfFiveNestedAllsIsRejectedNamingItsCost() throws Exception {
        String domain = "costly" + SUFFIX;
        String list = IntStream.range(0, 20).mapToObj(String::valueOf).collect(Collectors.joining(", ", "[", "]"));
        String rule = list + ".all(a, " + list + ".all(b, " + list + ".all(c, " + list + ".all(d, " + list
                + ".all(e, a + b + c + d + e >= 0)))))";
        String costly = descriptor(domain, "1.0.0") + "    - {name: five-deep, rule: \"" + rule + "\", onFailure: dlq}\n";
        Decision decision = apply(costly, "User:" + domain);
        assertThat(decision.outcome()).isEqualTo(Decision.Outcome.REJECTED);
        assertThat(decision.reasons()).singleElement().asString().contains("spec.quality[2].rule: quality rule 'five-deep'")
                .contains("costs an estimated").contains("over the limit of 1000000");
    }

    @Test
    void aProductWhoseTopicCollidesInKafkaIsAProvisioningFailureAndTheLoopGoesOn() throws Exception {
        String domain = "evil" + SUFFIX;
        String product = domain + ".payment-settled";
        // Kafka treats '.' and '_' alike in topic names: this existing topic blocks the product topic evil….payment-settled.v1.
        String squatter = topic(product).replace('.', '_');
        try (Admin admin = Admin.create(kafka.clientConfig())) {
            admin.createTopics(List.of(new NewTopic(squatter, 1, (short) 1))).all().get();
        }
        assertThat(apply(descriptor(domain, "1.0.0"), "User:" + domain).outcome()).isEqualTo(Decision.Outcome.ACCEPTED);
        Decision failed = await().atMost(Duration.ofSeconds(30)).until(() -> decisions(product).stream()
                .filter(d -> d.outcome() == Decision.Outcome.PROVISIONING_FAILED).findFirst().orElse(null), d -> d != null);
        assertThat(failed.reasons()).singleElement().asString().contains(topic(product)).contains("collides");
    }

    @Test
    void malformedListingsAreSkippedAndCountedAndTheLastGoodListingStands() throws Exception {
        double skippedBefore = skipped();
        List<byte[]> malformed = List.of("not json {".getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8),
                "{\"name\": \"x\", \"descriptor\": \"spec: 1\", \"requestId\": \"r\"}".getBytes(StandardCharsets.UTF_8),
                "{\"name\": \"x\", \"valueSchemaId\": \"abc\"}".getBytes(StandardCharsets.UTF_8),
                "[1, 2, 3]".getBytes(StandardCharsets.UTF_8), huge());
        try (KafkaProducer<String, byte[]> producer = producer()) {
            for (byte[] value : malformed) {
                producer.send(new ProducerRecord<>(MeshTopics.PRODUCTS, BYSTANDER, value)).get();
            }
            // Has what the record gate needs, but no descriptorPath and no valid contract: it once stopped the provisioner.
            String ghost = "ghost" + SUFFIX + ".x";
            producer.send(new ProducerRecord<>(MeshTopics.PRODUCTS, ghost, ("{\"name\": \"" + ghost
                    + "\", \"descriptor\": \"spec: 1\", \"requestId\": \"r\"}").getBytes(StandardCharsets.UTF_8))).get();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> skipped() >= skippedBefore + malformed.size() + 1);
    }

    @Test
    void malformedRequestsAreAnsweredWithRejectionsAndTheGateGoesOn() throws Exception {
        String key = "hostile" + SUFFIX + ".payment-settled";
        List<byte[]> malformed = List.of("not json {".getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8),
                "{\"requestId\": 7, \"descriptor\": [1]}".getBytes(StandardCharsets.UTF_8), huge());
        try (KafkaProducer<String, byte[]> producer = producer()) {
            for (byte[] value : malformed) {
                producer.send(new ProducerRecord<>(MeshTopics.PRODUCT_REQUESTS, key, value)).get();
            }
        }
        List<Decision> answered = await().atMost(Duration.ofSeconds(30)).until(() -> decisions(key), d -> d.size() >= malformed.size());
        assertThat(answered).allSatisfy(d -> {
            assertThat(d.outcome()).isEqualTo(Decision.Outcome.REJECTED);
            assertThat(d.reasons()).isNotEmpty();
        });
        // The gate still decides a real request after them.
        String domain = "after" + SUFFIX;
        assertThat(apply(descriptor(domain, "1.0.0"), "User:" + domain).outcome()).isEqualTo(Decision.Outcome.ACCEPTED);
    }

    private static String descriptor(String domain, String version) {
        return GateFixtures.paymentDescriptor(domain, version);
    }

    private static Decision apply(String descriptor, String principal) throws Exception {
        try (ContractClient contracts = new ContractClient(kafka.clientConfig())) {
            return contracts.apply(ProductRequest.apply(principal, "payment-settled.product.yaml", descriptor,
                    Map.of("payment-settled.avsc", GateFixtures.PAYMENT_AVSC)), DECISION_TIMEOUT);
        }
    }

    /** A value just under the topics' default 1 MiB limit: neither JSON nor small. */
    private static byte[] huge() {
        return "x".repeat(900 * 1024).getBytes(StandardCharsets.UTF_8);
    }

    private static String topic(String product) {
        return product + ".v1";
    }

    private static KafkaProducer<String, byte[]> producer() {
        Map<String, Object> config = new HashMap<>(kafka.clientConfig());
        config.put("max.request.size", 2 << 20);
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    private static int schemaIdOf(String productTopic) {
        return new SchemaRegistryClient(SchemaRegistryClientSettings.of(registry.url().toString())).latest(productTopic + "-value").id();
    }

    private static double count(String meter) {
        return meters.find(meter).tag("product", BYSTANDER).counters().stream().mapToDouble(Counter::count).sum();
    }

    private static double skipped() {
        return meters.find(ListingStoreUpdater.SKIPPED_METER).counters().stream().mapToDouble(Counter::count).sum();
    }

    private static List<Decision> decisions(String product) throws Exception {
        List<Decision> found = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : read(MeshTopics.DECISIONS)) {
            Decision decision = MeshJson.read(record.value(), Decision.class);
            if (product.equals(decision.product())) {
                found.add(decision);
            }
        }
        return found;
    }

    private static List<String> keys(List<ConsumerRecord<byte[], byte[]>> records) {
        return records.stream().map(r -> r.key() == null ? "" : new String(r.key(), StandardCharsets.UTF_8)).toList();
    }

    /** Everything committed on {@code topic} so far. */
    private static List<ConsumerRecord<byte[], byte[]>> read(String topic) {
        Map<String, Object> config = new HashMap<>(kafka.clientConfig());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            var partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new org.apache.kafka.common.TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<org.apache.kafka.common.TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }
}
