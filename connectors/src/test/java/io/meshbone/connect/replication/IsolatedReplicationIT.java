package io.meshbone.connect.replication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.meshbone.connect.ConnectWorker;
import io.meshbone.connect.ConnectWorkerSettings;
import io.meshbone.governance.Governance;
import io.meshbone.governance.GovernanceSettings;
import io.meshbone.localkafka.LocalKafka;
import io.meshbone.platform.contract.ProductNames;
import io.meshbone.platform.control.ContractClient;
import io.meshbone.platform.control.Decision;
import io.meshbone.platform.control.ProductRequest;
import io.meshbone.platform.lineage.LineageHeaders;
import io.meshbone.platform.mesh.MeshCluster;
import io.meshbone.platform.mesh.MeshTopology;
import io.meshbone.platform.serde.MeshAvroSerializer;
import io.meshbone.registry.SchemaRegistryServer;
import io.meshbone.registry.SchemaRegistrySettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two real clusters: an EU domain cluster (customers, shipping) with its gate, and the exchange (everything
 * else) with the registry and a Connect worker running MirrorMaker 2 from the EU cluster's listings.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IsolatedReplicationIT {

    private static final String SCHEMA = """
            {"type": "record", "name": "Note", "namespace": "test.isolated", "fields": [
              {"name": "id", "type": "string", "doc": "Key."},
              {"name": "text", "type": "string", "doc": "Payload."}]}""";
    private static final ProductNames PARCELS = new ProductNames("shipping", "parcel-scanned", 1);
    private static final ProductNames NOTES = new ProductNames("customers", "customer-note", 1);

    private static LocalKafka eu;
    private static LocalKafka exchange;
    private static MeshTopology topology;
    private static SchemaRegistryServer registry;
    private static Governance governance;
    private static ConnectWorker worker;
    private static ConnectWorkerSettings workerSettings;
    private static ReplicationRunner runner;

    @BeforeAll
    static void start() throws Exception {
        eu = LocalKafka.startSingleNode();
        exchange = LocalKafka.startSingleNode();
        topology = new MeshTopology(List.of(
                new MeshCluster("exchange", "us", exchange.bootstrapServers(), List.of("orders"), true),
                new MeshCluster("eu", "eu", eu.bootstrapServers(), List.of("customers", "shipping"), false)));
        registry = SchemaRegistryServer.start(SchemaRegistrySettings.defaults(exchange.bootstrapServers())
                .withHost("127.0.0.1").withPort(0));
        governance = Governance.start(new GovernanceSettings(eu.clientConfig(), registry.url().toString(),
                Files.createTempDirectory("isolated-gate-"), new SimpleMeterRegistry(), Duration.ofSeconds(30))
                .withClusters(topology));
        await().atMost(Duration.ofSeconds(120)).until(governance::running);
        assertThat(apply(descriptor("shipping", "parcel-scanned", null, null)).outcome()).isEqualTo(Decision.Outcome.ACCEPTED);
        assertThat(apply(descriptor("customers", "customer-note", "[eu]", null)).outcome()).isEqualTo(Decision.Outcome.ACCEPTED);

        workerSettings = ConnectWorkerSettings.defaults(exchange.bootstrapServers()).withHost("127.0.0.1")
                .withPort(freePort()).withGroup("meshbone-replication", "_replication")
                .withOverrides(Map.of("exactly.once.source.support", "enabled"));
        worker = ConnectWorker.start(workerSettings);
        ReplicationRoute route = new ReplicationRoute("eu", "exchange");
        runner = ReplicationRunner.start(ReplicationSettings.of(topology, route, worker.restUrl().toString())
                .withReplicationFactor((short) 1).withRefreshTopics(Duration.ofSeconds(1)));
        await().atMost(Duration.ofSeconds(60)).until(() -> runner.replicatedTopics().contains(PARCELS.topic()));
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable part : new AutoCloseable[] {runner, worker, governance, registry, exchange, eu}) {
            try {
                if (part != null) {
                    part.close();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    @Order(1)
    void aListedProductAppearsOnTheExchangeWithItsRecordsAndHeadersAndAResidentOneNeverDoes() throws Exception {
        produce(NOTES, "secret", 0, 20);
        produce(PARCELS, "parcel", 0, 20);

        List<ConsumerRecord<byte[], byte[]>> onEu = await().atMost(Duration.ofSeconds(60))
                .until(() -> readAll(eu, PARCELS.topic()), records -> records.size() == 20);
        List<ConsumerRecord<byte[], byte[]>> onExchange = await().atMost(Duration.ofSeconds(120))
                .until(() -> readAll(exchange, PARCELS.topic()), records -> records.size() == 20);

        assertThat(onExchange).extracting(IsolatedReplicationIT::fingerprint)
                .containsExactlyInAnyOrderElementsOf(onEu.stream().map(IsolatedReplicationIT::fingerprint).toList());
        assertThat(header(onExchange.get(0), LineageHeaders.SOURCE)).startsWith(PARCELS.stagingTopic() + "/");
        assertThat(readAll(eu, NOTES.topic())).hasSize(20);
        try (Admin admin = Admin.create(exchange.clientConfig())) {
            assertThat(admin.listTopics().names().get()).contains(PARCELS.topic())
                    .doesNotContain(NOTES.topic(), NOTES.stagingTopic(), NOTES.dlqTopic(), PARCELS.stagingTopic(),
                            PARCELS.dlqTopic(), "_mesh.products", "_mesh.decisions", "_mesh.lineage");
        }
        Map<String, String> config = worker.client().config(new ReplicationRoute("eu", "exchange").connectorName()).orElseThrow();
        assertThat(config).containsEntry("replication.policy.class", MirrorSourceConfigs.IDENTITY_POLICY)
                .containsEntry("exactly.once.support", "required")
                .containsEntry("topics", "\\Q" + PARCELS.topic() + "\\E");
        assertThat(config.get("topics")).doesNotContain(NOTES.topic());
    }

    @Test
    @Order(2)
    void aContractThatWouldMoveResidentDataIsRejectedWithReasons() throws Exception {
        Decision decision = apply(descriptor("orders", "order-noted", null, "[customers.customer-note]"));
        Decision unresident = apply(descriptor("shipping", "note-labels", null, "[customers.customer-note]"));

        assertThat(decision.outcome()).isEqualTo(Decision.Outcome.REJECTED);
        assertThat(decision.reasons()).anySatisfy(reason -> assertThat(reason)
                .contains("spec.inputs[0]: 'customers.customer-note' is resident in [eu]")
                .contains("runs on cluster 'exchange' in region us"));
        assertThat(unresident.outcome()).isEqualTo(Decision.Outcome.REJECTED);
        assertThat(unresident.reasons()).singleElement().asString()
                .contains("spec.residency: input 'customers.customer-note' is resident in [eu]")
                .contains("(on cluster 'eu') must stay there too");
    }

    @Test
    @Order(3)
    void killingTheWorkerMidStreamLosesAndDuplicatesNothingOnTheTarget() throws Exception {
        int before = readAll(exchange, PARCELS.topic()).size();
        int count = 3000;
        Thread producer = new Thread(() -> produce(PARCELS, "burst", 0, count));
        producer.start();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(50))
                .until(() -> readAll(exchange, PARCELS.topic()).size() > before);
        worker.close();
        int copiedWhenKilled = readAll(exchange, PARCELS.topic()).size();
        worker = ConnectWorker.start(workerSettings);
        producer.join();

        int total = before + count;
        assertThat(copiedWhenKilled).as("killed mid-stream").isLessThan(total);
        List<ConsumerRecord<byte[], byte[]>> copies = await().atMost(Duration.ofSeconds(180))
                .until(() -> readAll(exchange, PARCELS.topic()), records -> records.size() >= total);
        Map<String, Long> bySourceOffset = copies.stream().collect(Collectors.groupingBy(
                r -> header(r, LineageHeaders.SOURCE), Collectors.counting()));
        Map<String, Long> byKey = copies.stream().collect(Collectors.groupingBy(
                r -> new String(r.key(), StandardCharsets.UTF_8), Collectors.counting()));

        assertThat(copies).hasSize(total);
        assertThat(bySourceOffset).hasSize(total).allSatisfy((source, n) -> assertThat(n).as(source).isEqualTo(1L));
        assertThat(byKey.keySet()).containsAll(keys("burst", count));
        assertThat(byKey).allSatisfy((key, n) -> assertThat(n).as(key).isEqualTo(1L));
    }

    private static Set<String> keys(String prefix, int count) {
        Set<String> keys = new java.util.HashSet<>();
        for (int i = 0; i < count; i++) {
            keys.add(prefix + "-" + i);
        }
        return keys;
    }

    private static Decision apply(String descriptor) throws Exception {
        try (ContractClient contracts = new ContractClient(eu.clientConfig())) {
            return contracts.apply(ProductRequest.apply("User:test", "x.product.yaml", descriptor, Map.of("note.avsc", SCHEMA)),
                    Duration.ofSeconds(60));
        }
    }

    private static String descriptor(String domain, String name, String residency, String inputs) {
        return """
                apiVersion: meshbone/v1
                kind: DataProduct
                metadata: {name: %s, domain: %s, owner: team@example.com, description: Notes.}
                spec:
                  version: 1.0.0
                  type: event
                  key: {field: id}
                  value: {schema: note.avsc}
                  classification: internal
                  partitions: 2
                """.formatted(name, domain)
                + (residency == null ? "" : "  residency: " + residency + "\n")
                + (inputs == null ? "" : "  inputs: " + inputs + "\n");
    }

    private static void produce(ProductNames product, String prefix, int from, int count) {
        Map<String, Object> config = new HashMap<>(eu.clientConfig());
        config.put("schema.registry.url", registry.url().toString());
        config.put("auto.register.schemas", false);
        Schema schema = new Schema.Parser().parse(SCHEMA);
        MeshAvroSerializer<Object> values = new MeshAvroSerializer<>();
        values.configure(config, false);
        try (KafkaProducer<String, Object> producer = new KafkaProducer<>(config, new StringSerializer(), values)) {
            for (int i = from; i < from + count; i++) {
                GenericRecord value = new GenericData.Record(schema);
                value.put("id", prefix + "-" + i);
                value.put("text", "note " + i);
                producer.send(new ProducerRecord<>(product.stagingTopic(), prefix + "-" + i, value));
            }
            producer.flush();
        }
    }

    private static List<ConsumerRecord<byte[], byte[]>> readAll(LocalKafka cluster, String topic) {
        Map<String, Object> config = new HashMap<>(cluster.clientConfig());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            if (!consumer.listTopics().containsKey(topic)) {
                return out;
            }
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(out::add);
            }
        }
        return out;
    }

    private static String fingerprint(ConsumerRecord<byte[], byte[]> record) {
        StringBuilder text = new StringBuilder(new String(record.key(), StandardCharsets.UTF_8)).append('|')
                .append(java.util.HexFormat.of().formatHex(record.value()));
        for (Header header : record.headers()) {
            text.append('|').append(header.key()).append('=').append(new String(header.value(), StandardCharsets.UTF_8));
        }
        return text.toString();
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String key) {
        Header header = record.headers().lastHeader(key);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
