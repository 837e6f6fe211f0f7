package io.meshbone.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.meshbone.localkafka.KafkaCluster;
import io.meshbone.platform.contract.ProductNames;
import com.fasterxml.jackson.databind.JsonNode;
import io.meshbone.platform.control.MeshJson;
import io.meshbone.platform.lineage.LineageHeaders;
import io.meshbone.platform.control.MeshTopics;
import io.meshbone.platform.control.ContractClient;
import io.meshbone.platform.control.Decision;
import io.meshbone.platform.control.ProductRequest;
import io.meshbone.platform.serde.MeshAvroSerializer;
import io.meshbone.localkafka.testing.SharedKafka;
import io.meshbone.registry.SchemaRegistryServer;
import io.meshbone.registry.SchemaRegistrySettings;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The governance services on a real broker and a real registry, run in a child JVM so one test can kill them.
 *
 * <p>The example contracts under {@code schemas/} are applied once, before any test, and their topics awaited; each
 * test then stands on its own (any one alone, in any order) and touches only records and topics it names uniquely.
 */
@ExtendWith(SharedKafka.class)
class GovernanceIT {

    private static final Path SCHEMAS = Payments.SCHEMAS_DIR;
    private static final ProductNames NAMES = new ProductNames("payments", "payment-settled", 1);
    private static final String PAYMENTS = NAMES.topic();
    private static final String STAGING = NAMES.stagingTopic();
    private static final String DLQ = NAMES.dlqTopic();
    private static final Duration DECISION_TIMEOUT = Duration.ofSeconds(60);

    private static KafkaCluster kafka;
    private static SchemaRegistryServer registry;
    private static Path stateDir;
    private static Process governance;
    private static ContractClient contracts;
    /** The decision on each example contract's first application, in the order applied. */
    private static final Map<Path, Decision> EXAMPLE_DECISIONS = new LinkedHashMap<>();

    @BeforeAll
    static void startMesh(KafkaCluster cluster) throws Exception {
        kafka = cluster;
        registry = SchemaRegistryServer.start(SchemaRegistrySettings.defaults(kafka.bootstrapServers()).withPort(0));
        stateDir = Files.createTempDirectory("governance-it-");
        governance = startGovernance();
        contracts = new ContractClient(kafka.clientConfig());
        applyExamplesAndAwaitTheirTopics();
    }

    private static void applyExamplesAndAwaitTheirTopics() throws Exception {
        for (Path descriptor : exampleDescriptors()) {
            EXAMPLE_DECISIONS.put(descriptor, contracts.apply(ContractClient.request(descriptor,
                    SCHEMAS.relativize(descriptor).toString(), "User:examples"), DECISION_TIMEOUT));
        }
        try (Admin admin = Admin.create(kafka.clientConfig())) {
            // Records may only be staged once the provisioner made the topics: the broker creates none on demand.
            await().atMost(Duration.ofSeconds(60)).until(() -> admin.listTopics().names().get()
                    .containsAll(List.of(PAYMENTS, PAYMENTS + ".staging", PAYMENTS + ".dlq")));
        }
    }

    @AfterAll
    static void stopMesh() {
        if (contracts != null) {
            contracts.close();
        }
        if (governance != null) {
            // SIGTERM: the child closes its apps, which leave their groups, so the next test class's gates get
            // their partitions at once instead of after the killed members' session timeout.
            governance.destroy();
            try {
                if (!governance.waitFor(60, TimeUnit.SECONDS)) {
                    governance.destroyForcibly();
                }
            } catch (InterruptedException e) {
                governance.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        if (registry != null) {
            registry.close();
        }
    }

    @Test
    void acceptsEveryExampleContractAndProvisionsItsTopics() throws Exception {
        assertThat(EXAMPLE_DECISIONS.keySet()).containsExactlyElementsOf(exampleDescriptors());
        for (Map.Entry<Path, Decision> applied : EXAMPLE_DECISIONS.entrySet()) {
            Path descriptor = applied.getKey();
            Decision decision = applied.getValue();
            assertThat(decision.outcome()).as("%s: %s", descriptor, decision.reasons()).isEqualTo(Decision.Outcome.ACCEPTED);
            assertThat(decision.changed()).isTrue();
        }
        try (Admin admin = Admin.create(kafka.clientConfig())) {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(admin.listTopics().names().get())
                    .contains(PAYMENTS, STAGING, DLQ,
                            "orders.order-status.v1", "shipping.delivery-request.v1.staging"));
            String compaction = admin.describeConfigs(List.of(new org.apache.kafka.common.config.ConfigResource(
                    org.apache.kafka.common.config.ConfigResource.Type.TOPIC, "orders.order-status.v1"))).all().get()
                    .values().iterator().next().get("cleanup.policy").value();
            assertThat(compaction).isEqualTo("compact");
        }
    }

    @Test
    void reapplyingAnIdenticalContractIsAnAcceptedNoOp() throws Exception {
        Decision decision = apply("payments/payment-settled.product.yaml", "User:examples");
        assertThat(decision.outcome()).isEqualTo(Decision.Outcome.ACCEPTED);
        assertThat(decision.changed()).isFalse();
    }

    @Test
    void rejectsABreakingChangeWithEveryReasonAndLeavesTheProductListed(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path copy = copyProduct("payments", "payment-settled", dir);
        // A new required field without a default breaks BACKWARD: old records cannot be read with it.
        String avsc = Files.readString(copy.resolve("payment-settled.avsc"));
        Files.writeString(copy.resolve("payment-settled.avsc"), avsc.replaceFirst("\"fields\"\\s*:\\s*\\[",
                "\"fields\": [{\"name\": \"channel\", \"type\": \"string\", \"doc\": \"Where it was paid.\"},"));
        Path descriptor = copy.resolve("payment-settled.product.yaml");
        Files.writeString(descriptor, Files.readString(descriptor).replace("version: 1.0.0", "version: 1.1.0"));

        Decision decision = contracts.apply(ContractClient.request(descriptor, "payments/payment-settled.product.yaml",
                "User:examples"), DECISION_TIMEOUT);

        assertThat(decision.outcome()).isEqualTo(Decision.Outcome.REJECTED);
        assertThat(decision.reasons()).anySatisfy(reason -> assertThat(reason).contains("spec.value").contains("channel"));
        Decision unchanged = apply("payments/payment-settled.product.yaml", "User:examples");
        assertThat(unchanged.changed()).as("the listed 1.0.0 is still the one listed").isFalse();
    }

    @Test
    void rejectsAChangeByAPrincipalThatDoesNotOwnTheDomain(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path copy = copyProduct("payments", "payment-settled", dir);
        Path descriptor = copy.resolve("payment-settled.product.yaml");
        Files.writeString(descriptor, Files.readString(descriptor).replace("version: 1.0.0", "version: 1.0.1"));

        Decision decision = contracts.apply(ContractClient.request(descriptor, "payments/payment-settled.product.yaml",
                "User:intruder"), DECISION_TIMEOUT);

        assertThat(decision.outcome()).isEqualTo(Decision.Outcome.REJECTED);
        assertThat(decision.reasons()).singleElement().asString()
                .contains("metadata.domain").contains("User:intruder").contains("User:examples");
    }

    @Test
    void rejectsAMinorVersionThatWeakensRetentionOrCompatibility(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path copy = copyProduct("payments", "payment-settled", dir);
        Path descriptor = copy.resolve("payment-settled.product.yaml");
        Files.writeString(descriptor, Files.readString(descriptor).replace("version: 1.0.0", "version: 1.2.0")
                .replace("retention: 30d", "retention: 1ms").replace("BACKWARD_TRANSITIVE", "NONE"));

        Decision decision = contracts.apply(ContractClient.request(descriptor, "payments/payment-settled.product.yaml",
                "User:examples"), DECISION_TIMEOUT);

        assertThat(decision.outcome()).isEqualTo(Decision.Outcome.REJECTED);
        assertThat(decision.reasons()).containsExactlyInAnyOrder(
                "payments/payment-settled.product.yaml: spec.compatibility: NONE is weaker than the listed 1.0.0's"
                        + " BACKWARD_TRANSITIVE (expected BACKWARD_TRANSITIVE or stricter); weakening compatibility needs a"
                        + " new major version (2.0.0)",
                "payments/payment-settled.product.yaml: spec.retention: 1ms is shorter than the listed 1.0.0's 30d;"
                        + " shrinking retention needs a new major version (2.0.0)");
        assertThat(apply("payments/payment-settled.product.yaml", "User:examples").changed())
                .as("the listed 1.0.0 is still the one listed").isFalse();
    }

    @Test
    void routesGoodRecordsToTheProductAndBadOnesToTheDlqWithHeaders() throws Exception {
        Map<String, byte[]> good = new HashMap<>();
        String negative = "neg-" + UUID.randomUUID();
        String garbage = "garbage-" + UUID.randomUUID();
        try (KafkaProducer<String, GenericRecord> avro = avroProducer();
             KafkaProducer<String, byte[]> raw = rawProducer()) {
            for (int i = 0; i < 20; i++) {
                String id = "good-" + UUID.randomUUID();
                avro.send(new ProducerRecord<>(STAGING, id, Payments.payment(id, "10.00"))).get();
                good.put(id, null);
            }
            avro.send(new ProducerRecord<>(STAGING, negative, Payments.payment(negative, "-1.00"))).get();
            avro.send(new ProducerRecord<>(STAGING, "wrong-key", Payments.payment("other-" + UUID.randomUUID(), "3.00"))).get();
            raw.send(new ProducerRecord<>(STAGING, garbage, "not avro".getBytes(StandardCharsets.UTF_8))).get();
        }

        List<ConsumerRecord<byte[], byte[]>> published = readUntil(PAYMENTS, records -> keys(records).containsAll(good.keySet()));
        assertThat(keys(published)).containsAll(good.keySet());
        ConsumerRecord<byte[], byte[]> first = published.stream()
                .filter(r -> good.containsKey(new String(r.key(), StandardCharsets.UTF_8))).findFirst().orElseThrow();
        assertThat(header(first, LineageHeaders.PRODUCT)).isEqualTo("payments.payment-settled");
        assertThat(header(first, LineageHeaders.SOURCE)).startsWith(STAGING + "/");
        assertThat(header(first, LineageHeaders.SCHEMA_ID)).matches("\\d+");

        List<String> badKeys = List.of(negative, "wrong-key", garbage);
        List<ConsumerRecord<byte[], byte[]>> dead = readUntil(DLQ, records -> keys(records).containsAll(badKeys));
        assertThat(dead).extracting(r -> header(r, LineageHeaders.ERROR_CODE))
                .contains("QUALITY_RULE_FAILED", "KEY_MISMATCH", "BAD_MAGIC_BYTE");
        assertThat(keys(published)).noneMatch(key -> key.startsWith("neg-") || key.startsWith("garbage-") || key.equals("wrong-key"));
    }

    // Product topics and the gate's producer use gzip: kafkajs must read them without a codec plugin.
    @Test
    void aKafkajsConsumerWithoutCodecPluginsReadsTheGzipProductTopic(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        KafkajsReader kafkajs = KafkajsReader.install(dir);
        String id = "kafkajs-" + UUID.randomUUID();
        try (KafkaProducer<String, GenericRecord> avro = avroProducer()) {
            avro.send(new ProducerRecord<>(STAGING, id, Payments.payment(id, "4.20"))).get();
        }
        readUntil(PAYMENTS, records -> keys(records).contains(id));
        try (Admin admin = Admin.create(kafka.clientConfig())) {
            var topic = new org.apache.kafka.common.config.ConfigResource(org.apache.kafka.common.config.ConfigResource.Type.TOPIC, PAYMENTS);
            assertThat(admin.describeConfigs(List.of(topic)).all().get().get(topic).get("compression.type").value()).isEqualTo("gzip");
        }

        JsonNode read = MeshJson.tree(kafkajs.headersOf(kafka.bootstrapServers(), PAYMENTS, id).lines()
                .filter(line -> line.startsWith("{")).findFirst().orElseThrow());

        assertThat(read.path("valueBytes").asInt()).isPositive();
        assertThat(read.path("headers").path(LineageHeaders.PRODUCT).asText()).isEqualTo("payments.payment-settled");
        assertThat(read.path("headers").path(LineageHeaders.SOURCE).asText()).startsWith(STAGING + "/");
    }

    @Test
    void survivesAnUncleanKillMidStreamWithoutLosingOrDuplicatingRecords() throws Exception {
        int total = 3000;
        String run = UUID.randomUUID().toString().substring(0, 8);
        Thread producer = new Thread(() -> produce(run, total), "payments-producer");
        producer.start();
        readUntil(PAYMENTS, records -> keys(records).stream().filter(k -> k.startsWith(run)).count() > total / 10);

        governance.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        governance = startGovernance();
        producer.join(120_000);

        List<ConsumerRecord<byte[], byte[]>> published = readUntil(PAYMENTS,
                records -> keys(records).stream().filter(k -> k.startsWith(run)).count() >= total);
        List<String> ours = keys(published).stream().filter(k -> k.startsWith(run)).toList();
        assertThat(ours).hasSize(total).doesNotHaveDuplicates();
    }

    @Test
    void sendsRecordsOfAHandMadeStagingTopicToTheUnlistedDlqAndKeepsGating() throws Exception {
        String ghost = "ghost.thing-" + UUID.randomUUID().toString().substring(0, 8) + ".v1.staging";
        try (Admin admin = Admin.create(kafka.clientConfig())) {
            admin.createTopics(List.of(new org.apache.kafka.clients.admin.NewTopic(ghost, 1, (short) 1))).all().get();
        }
        String after = "after-ghost-" + UUID.randomUUID();
        try (KafkaProducer<String, byte[]> raw = rawProducer(); KafkaProducer<String, GenericRecord> avro = avroProducer()) {
            raw.send(new ProducerRecord<>(ghost, "boo", "not a product".getBytes(StandardCharsets.UTF_8))).get();
            avro.send(new ProducerRecord<>(STAGING, after, Payments.payment(after, "2.00"))).get();
        }

        // The broker creates no topics on demand: the gate must not write to a DLQ nobody provisioned.
        List<ConsumerRecord<byte[], byte[]>> unlisted = readUntil(MeshTopics.UNLISTED_DLQ,
                records -> records.stream().anyMatch(r -> String.valueOf(header(r, LineageHeaders.SOURCE)).startsWith(ghost + "/")));
        assertThat(unlisted).filteredOn(r -> String.valueOf(header(r, LineageHeaders.SOURCE)).startsWith(ghost + "/")).singleElement()
                .satisfies(r -> assertThat(header(r, LineageHeaders.ERROR_CODE)).isEqualTo("PRODUCT_NOT_LISTED"));
        assertThat(keys(readUntil(PAYMENTS, records -> keys(records).contains(after)))).contains(after);
    }

    private static void produce(String run, int total) {
        try (KafkaProducer<String, GenericRecord> avro = avroProducer()) {
            for (int i = 0; i < total; i++) {
                String id = run + "-" + i;
                avro.send(new ProducerRecord<>(STAGING, id, Payments.payment(id, "1.00")));
            }
            avro.flush();
        }
    }

    private static Process startGovernance() throws IOException {
        Path log = stateDir.resolve("governance-" + System.nanoTime() + ".log");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), GovernanceMain.class.getName(),
                kafka.bootstrapServers(), registry.url().toString(), stateDir.resolve("state").toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        await().atMost(Duration.ofSeconds(120)).until(() -> Files.readString(log).contains("governance running") || !process.isAlive());
        assertThat(process.isAlive()).as("governance started; log:%n%s", Files.readString(log)).isTrue();
        return process;
    }

    private static Decision apply(String descriptor, String principal) throws Exception {
        ProductRequest request = ContractClient.request(SCHEMAS.resolve(descriptor), descriptor, principal);
        return contracts.apply(request, DECISION_TIMEOUT);
    }

    private static List<Path> exampleDescriptors() throws IOException {
        try (Stream<Path> files = Files.walk(SCHEMAS, 2)) {
            // Upstream products first: a contract's inputs must already be listed.
            return files.filter(f -> f.toString().endsWith(".product.yaml"))
                    .sorted((a, b) -> Integer.compare(rank(a), rank(b)) != 0 ? Integer.compare(rank(a), rank(b)) : a.compareTo(b))
                    .toList();
        }
    }

    private static int rank(Path descriptor) {
        try {
            return Files.readString(descriptor).contains("inputs: [") && !Files.readString(descriptor).contains("inputs: []") ? 1 : 0;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Path copyProduct(String domain, String product, Path dir) throws IOException {
        Path target = Files.createDirectories(dir.resolve(domain));
        try (Stream<Path> files = Files.list(SCHEMAS.resolve(domain))) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith(product)).toList()) {
                Files.copy(file, target.resolve(file.getFileName()));
            }
        }
        return target;
    }

    private static KafkaProducer<String, GenericRecord> avroProducer() {
        Map<String, Object> config = new HashMap<>(kafka.clientConfig());
        config.put("schema.registry.url", registry.url().toString());
        config.put("auto.register.schemas", false);
        config.put("use.latest.version", true);
        MeshAvroSerializer<GenericRecord> serializer = new MeshAvroSerializer<>();
        serializer.configure(config, false);
        return new KafkaProducer<>(config, new StringSerializer(), serializer);
    }

    private static KafkaProducer<String, byte[]> rawProducer() {
        return new KafkaProducer<>(kafka.clientConfig(), new StringSerializer(), new ByteArraySerializer());
    }

    private static List<ConsumerRecord<byte[], byte[]>> readUntil(String topic,
            java.util.function.Predicate<List<ConsumerRecord<byte[], byte[]>>> done) {
        Map<String, Object> config = new HashMap<>(kafka.clientConfig());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(180)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return done.test(records);
            });
            // Drain what is already there, so a duplicate would be seen.
            consumer.poll(Duration.ofMillis(1000)).forEach(records::add);
        }
        return records;
    }

    private static List<String> keys(List<ConsumerRecord<byte[], byte[]>> records) {
        return records.stream().filter(r -> r.key() != null).map(r -> new String(r.key(), StandardCharsets.UTF_8)).toList();
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        return LineageHeaders.get(record.headers(), name).orElse(null);
    }
}
