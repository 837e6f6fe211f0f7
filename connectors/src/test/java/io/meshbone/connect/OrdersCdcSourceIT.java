package io.meshbone.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.meshbone.localkafka.KafkaCluster;
import io.meshbone.platform.serde.MeshAvroDeserializer;
import io.meshbone.localkafka.testing.SharedKafka;
import io.meshbone.localkafka.testing.TestTopics;
import io.meshbone.registry.SchemaRegistryServer;
import io.meshbone.registry.SchemaRegistrySettings;
import org.apache.avro.LogicalTypes;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Rows of an operational PostgreSQL table reach the orders domain's raw topic through orders-cdc-source.json. */
@ExtendWith(SharedKafka.class)
class OrdersCdcSourceIT {

    /** Not the shipped orders.raw.orders: CdcThroughGateIT's orders app reads that one in this JVM. */
    private static final String RAW_TOPIC = TestTopics.unique("orders.raw.orders");
    private static final String SLOT = "meshbone_orders_it";

    private static KafkaCluster kafka;
    private static SchemaRegistryServer registry;
    private static ConnectWorker worker;

    @BeforeAll
    static void start(KafkaCluster cluster) {
        kafka = cluster;
        registry = SchemaRegistryServer.start(SchemaRegistrySettings.defaults(kafka.bootstrapServers())
                .withHost("127.0.0.1").withPort(0));
        String group = TestTopics.unique("connect-cdc");
        worker = ConnectWorker.start(ConnectWorkerSettings.defaults(kafka.bootstrapServers()).withHost("127.0.0.1")
                .withPort(0).withGroup(group, "_" + group));
        dropSlot();
        OrdersTable.recreate();
    }

    @AfterAll
    static void stop() {
        worker.close();
        registry.close();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            dropSlot();
            return TestPostgres.rows("SELECT 1 FROM pg_replication_slots WHERE slot_name = '" + SLOT + "'").isEmpty();
        });
    }

    @Test
    void snapshotInsertsAndUpdatesReachTheRawTopicWithLineageHeaders() {
        TestPostgres.execute(insert(1, "10.50"), insert(2, "20.00"), insert(3, "1234567890.99"));
        ConnectClient client = worker.client();
        ConnectorConfig source = ConnectorConfig.read(Path.of("config", "orders-cdc-source.json"))
                .with(Map.of("key.converter.schema.registry.url", registry.url().toString(),
                        "value.converter.schema.registry.url", registry.url().toString(), "slot.name", SLOT,
                        "transforms.rawTopic.replacement", RAW_TOPIC))
                .with(TestPostgres.sourceConnection());
        assertThat(client.apply(source)).isTrue();

        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            List<ConsumerRecord<byte[], byte[]>> seen = new ArrayList<>();
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ZERO).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
                return seen.size() >= 3;
            });
            // Rows written after the snapshot stream from the WAL.
            TestPostgres.execute(insert(4, "99.99"), insert(5, "0.01"),
                    "UPDATE orders SET total_amount = 11.75, channel = 'STORE' WHERE order_id = 'order-1'");
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ZERO).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
                return seen.size() >= 6;
            });
            assertThat(seen).hasSize(6);

            MeshAvroDeserializer<Object> values = new MeshAvroDeserializer<>();
            Map<String, Object> serde = new HashMap<>();
            serde.put("schema.registry.url", registry.url().toString());
            values.configure(serde, false);
            List<String> rows = new ArrayList<>();
            for (ConsumerRecord<byte[], byte[]> record : seen) {
                assertThat(header(record, "mesh.product")).isEqualTo("orders.order-placed");
                assertThat(header(record, "mesh.domain")).isEqualTo("orders");
                assertThat(header(record, "mesh.connector")).isEqualTo("orders-cdc-source");
                GenericRecord value = (GenericRecord) values.deserialize(RAW_TOPIC, record.value());
                rows.add(value.get("__op") + " " + value.get("order_id") + " " + decimal(value, "total_amount") + " "
                        + Instant.ofEpochMilli((Long) value.get("placed_at")) + " " + value.get("channel") + " " + value.get("region"));
            }
            assertThat(rows).containsExactlyInAnyOrder(
                    "r order-1 10.50 2026-11-28T09:01:00Z WEB emea",
                    "r order-2 20.00 2026-11-28T09:02:00Z WEB emea",
                    "r order-3 1234567890.99 2026-11-28T09:03:00Z WEB emea",
                    "c order-4 99.99 2026-11-28T09:04:00Z WEB emea",
                    "c order-5 0.01 2026-11-28T09:05:00Z WEB emea",
                    "u order-1 11.75 2026-11-28T09:01:00Z STORE emea");
            values.close();
        }
        client.delete("orders-cdc-source");
    }

    private static String insert(int n, String amount) {
        return "INSERT INTO orders VALUES ('order-" + n + "', 'cust-" + n + "', TIMESTAMP '2026-11-28 09:0" + n
                + ":00', 'EUR', " + amount + ", " + n + ", 'WEB', 'emea')";
    }

    private static BigDecimal decimal(GenericRecord record, String field) {
        org.apache.avro.Schema schema = record.getSchema().getField(field).schema();
        assertThat(schema.getLogicalType()).isInstanceOf(LogicalTypes.Decimal.class);
        ByteBuffer bytes = ((ByteBuffer) record.get(field)).duplicate();
        byte[] unscaled = new byte[bytes.remaining()];
        bytes.get(unscaled);
        return new BigDecimal(new java.math.BigInteger(unscaled), ((LogicalTypes.Decimal) schema.getLogicalType()).getScale());
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void dropSlot() {
        TestPostgres.rows("SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots "
                + "WHERE slot_name = '" + SLOT + "' AND NOT active");
    }

    private static KafkaConsumer<byte[], byte[]> consumer() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, TestTopics.unique("cdc-reader"));
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props);
        consumer.subscribe(List.of(RAW_TOPIC));
        return consumer;
    }
}
