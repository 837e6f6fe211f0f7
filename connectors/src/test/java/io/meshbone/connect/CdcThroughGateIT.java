package io.meshbone.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.meshbone.governance.Governance;
import io.meshbone.governance.GovernanceSettings;
import io.meshbone.platform.kafka.KafkaCluster;
import io.meshbone.platform.mesh.ContractClient;
import io.meshbone.platform.mesh.Decision;
import io.meshbone.platform.serde.MeshAvroDeserializer;
import io.meshbone.platform.serde.MeshAvroSerializer;
import io.meshbone.platform.testing.SharedKafka;
import io.meshbone.platform.testing.TestTopics;
import io.meshbone.registry.SchemaRegistryServer;
import io.meshbone.registry.SchemaRegistrySettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * PostgreSQL rows → Debezium source → raw topic → staging → the real gate → {@code orders.order-placed}.
 *
 * <p>The raw-to-staging step stands in for the orders domain's refinement app (built elsewhere): it maps
 * each raw row to an {@code OrderPlaced} record and nothing more, so what this test checks is the
 * connector's output being usable by the mesh and the gate's verdict on it.
 */
@ExtendWith(SharedKafka.class)
class CdcThroughGateIT {

    private static final String SLOT = "meshbone_orders_gate_it";
    private static final String STAGING = "orders.order-placed.v1.staging";
    private static final String PRODUCT = "orders.order-placed.v1";

    private static KafkaCluster kafka;
    private static SchemaRegistryServer registry;
    private static Governance governance;
    private static ConnectWorker worker;

    @BeforeAll
    static void start(KafkaCluster cluster) throws Exception {
        kafka = cluster;
        registry = SchemaRegistryServer.start(SchemaRegistrySettings.defaults(kafka.bootstrapServers())
                .withHost("127.0.0.1").withPort(0));
        governance = Governance.start(new GovernanceSettings(kafka.clientConfig(), registry.url().toString(),
                Files.createTempDirectory("cdc-gate-"), new SimpleMeterRegistry(), Duration.ofSeconds(30)));
        await().atMost(Duration.ofSeconds(120)).until(governance::running);
        try (ContractClient contracts = new ContractClient(kafka.clientConfig())) {
            Path descriptor = Path.of("..", "schemas", "orders", "order-placed.product.yaml");
            Decision decision = contracts.apply(ContractClient.request(descriptor, "orders/order-placed.product.yaml",
                    "User:examples"), Duration.ofSeconds(60));
            assertThat(decision.outcome()).as("%s", decision.reasons()).isEqualTo(Decision.Outcome.ACCEPTED);
        }
        String group = TestTopics.unique("connect-gate");
        worker = ConnectWorker.start(ConnectWorkerSettings.defaults(kafka.bootstrapServers()).withHost("127.0.0.1")
                .withPort(0).withGroup(group, "_" + group));
        TestPostgres.rows("SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots "
                + "WHERE slot_name = '" + SLOT + "' AND NOT active");
        TestPostgres.execute("DROP PUBLICATION IF EXISTS meshbone_orders", "DROP TABLE IF EXISTS orders",
                "CREATE TABLE orders (order_id text PRIMARY KEY, customer_id text NOT NULL, placed_at timestamp NOT NULL, "
                        + "currency text NOT NULL, total_amount numeric(12,2) NOT NULL, item_count int NOT NULL, "
                        + "channel text NOT NULL)");
    }

    @AfterAll
    static void stop() {
        worker.close();
        governance.close();
        registry.close();
        await().atMost(Duration.ofSeconds(30)).until(() -> TestPostgres.rows(
                "SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = '" + SLOT + "'"
                        + " AND NOT active").isEmpty()
                && TestPostgres.rows("SELECT 1 FROM pg_replication_slots WHERE slot_name = '" + SLOT + "'").isEmpty());
    }

    @Test
    void capturedOrdersComeOutOfTheGateWithLineageAndBadOnesGoToTheDlq() {
        String raw = TestTopics.unique("orders.raw");
        TestPostgres.execute(
                "INSERT INTO orders VALUES ('o-1', 'c-1', TIMESTAMP '2026-11-28 09:00:00', 'EUR', 25.00, 2, 'WEB')",
                "INSERT INTO orders VALUES ('o-2', 'c-2', TIMESTAMP '2026-11-28 09:05:00', 'USD', 7.50, 1, 'MOBILE')",
                // No items: the contract's has-items rule sends it to the DLQ.
                "INSERT INTO orders VALUES ('o-3', 'c-3', TIMESTAMP '2026-11-28 09:10:00', 'EUR', 0.00, 0, 'STORE')");
        worker.client().apply(ConnectorConfig.read(Path.of("config", "orders-cdc-source.json")).with(Map.of(
                "key.converter.schema.registry.url", registry.url().toString(),
                "value.converter.schema.registry.url", registry.url().toString(),
                "slot.name", SLOT, "transforms.rawTopic.replacement", raw)).with(TestPostgres.sourceConnection()));

        Map<String, Object> serde = new HashMap<>(Map.of("schema.registry.url", registry.url().toString()));
        MeshAvroDeserializer<Object> rawValues = new MeshAvroDeserializer<>();
        rawValues.configure(serde, false);
        MeshAvroSerializer<Object> staged = new MeshAvroSerializer<>();
        staged.configure(serde, false);
        Schema orderPlaced = Samples.example("OrderPlaced");
        try (KafkaConsumer<byte[], byte[]> rawConsumer = consumer(raw);
             KafkaProducer<byte[], byte[]> producer = producer()) {
            List<ConsumerRecord<byte[], byte[]>> seen = new ArrayList<>();
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ZERO).until(() -> {
                rawConsumer.poll(Duration.ofMillis(200)).forEach(seen::add);
                return seen.size() >= 3;
            });
            for (ConsumerRecord<byte[], byte[]> record : seen) {
                GenericRecord row = (GenericRecord) rawValues.deserialize(raw, record.value());
                GenericData.Record order = new GenericData.Record(orderPlaced);
                order.put("orderId", row.get("order_id").toString());
                order.put("customerId", row.get("customer_id").toString());
                order.put("placedAt", row.get("placed_at"));
                order.put("currency", row.get("currency").toString());
                order.put("totalAmount", row.get("total_amount"));
                order.put("itemCount", row.get("item_count"));
                order.put("channel", new GenericData.EnumSymbol(orderPlaced.getField("channel").schema(),
                        row.get("channel").toString()));
                producer.send(new ProducerRecord<>(STAGING, null, order.get("orderId").toString().getBytes(StandardCharsets.UTF_8),
                        staged.serialize(STAGING, order), record.headers()));
            }
            producer.flush();
        }

        MeshAvroDeserializer<Object> productValues = new MeshAvroDeserializer<>();
        productValues.configure(serde, false);
        try (KafkaConsumer<byte[], byte[]> products = consumer(PRODUCT);
             KafkaConsumer<byte[], byte[]> dlq = consumer(PRODUCT + ".dlq")) {
            List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
            List<ConsumerRecord<byte[], byte[]>> rejected = new ArrayList<>();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ZERO).until(() -> {
                products.poll(Duration.ofMillis(100)).forEach(out::add);
                dlq.poll(Duration.ofMillis(100)).forEach(rejected::add);
                return out.size() + rejected.size() >= 3;
            });
            assertThat(out).extracting(r -> productValues.deserialize(PRODUCT, r.value()).toString())
                    .hasSize(2).anySatisfy(v -> assertThat(v).contains("\"orderId\": \"o-1\"").contains("\"channel\": \"WEB\""))
                    .anySatisfy(v -> assertThat(v).contains("\"orderId\": \"o-2\"").contains("\"channel\": \"MOBILE\""));
            for (ConsumerRecord<byte[], byte[]> record : out) {
                assertThat(header(record, "mesh.product")).isEqualTo("orders.order-placed");
                assertThat(header(record, "mesh.domain")).isEqualTo("orders");
                assertThat(header(record, "mesh.source")).startsWith(STAGING + "/");
                assertThat(header(record, "mesh.schema.id")).isNotBlank();
            }
            assertThat(rejected).singleElement().satisfies(r -> assertThat(new String(r.key(), StandardCharsets.UTF_8)).isEqualTo("o-3"));
            assertThat(header(rejected.get(0), "mesh.error.reason")).contains("has-items");
        }
        worker.client().delete("orders-cdc-source");
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static KafkaConsumer<byte[], byte[]> consumer(String topic) {
        Map<String, Object> props = new HashMap<>(kafka.clientConfig());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, TestTopics.unique("gate-reader"));
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props);
        consumer.subscribe(List.of(topic));
        return consumer;
    }

    private static KafkaProducer<byte[], byte[]> producer() {
        Map<String, Object> props = new HashMap<>(kafka.clientConfig());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return new KafkaProducer<>(props);
    }
}
