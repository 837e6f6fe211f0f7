package io.meshbone.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.meshbone.domains.DomainApp;
import io.meshbone.domains.DomainApps;
import io.meshbone.domains.orders.OrderRefinement;
import io.meshbone.domains.orders.OrdersDomain;
import io.meshbone.governance.Governance;
import io.meshbone.governance.GovernanceSettings;
import io.meshbone.localkafka.KafkaCluster;
import io.meshbone.platform.contract.ProductNames;
import io.meshbone.platform.control.ContractClient;
import io.meshbone.platform.control.Decision;
import io.meshbone.platform.serde.MeshAvroDeserializer;
import io.meshbone.localkafka.testing.SharedKafka;
import io.meshbone.localkafka.testing.TestTopics;
import io.meshbone.registry.SchemaRegistryServer;
import io.meshbone.registry.SchemaRegistrySettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
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

/**
 * PostgreSQL rows → Debezium source → {@code orders.raw.orders} → the orders refinement app → staging → the real
 * gate → {@code orders.order-placed}.
 */
@ExtendWith(SharedKafka.class)
class CdcThroughGateIT {

    private static final String SLOT = "meshbone_orders_gate_it";
    private static final ProductNames NAMES = new ProductNames("orders", "order-placed", 1);
    private static final String STAGING = NAMES.stagingTopic();
    private static final String PRODUCT = NAMES.topic();
    /** Recent, so the product topic's retention keeps the orders and their event time is not in the future. */
    private static final Instant PLACED = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(3));
    /** A {@code timestamp without time zone} literal; the source reads it as UTC. */
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private static KafkaCluster kafka;
    private static SchemaRegistryServer registry;
    private static Governance governance;
    private static DomainApps orders;
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
        // Started before the connector, so the app creates orders.raw.orders with the raw topics' partitions.
        orders = DomainApps.start(kafka.clientConfig(), registry.url().toString(), Files.createTempDirectory("cdc-orders-"),
                new SimpleMeterRegistry(), List.of(orderRefinement()));
        await().atMost(Duration.ofSeconds(120)).until(orders::running);
        String group = TestTopics.unique("connect-gate");
        worker = ConnectWorker.start(ConnectWorkerSettings.defaults(kafka.bootstrapServers()).withHost("127.0.0.1")
                .withPort(0).withGroup(group, "_" + group));
        TestPostgres.rows("SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots "
                + "WHERE slot_name = '" + SLOT + "' AND NOT active");
        OrdersTable.recreate();
    }

    @AfterAll
    static void stop() {
        worker.close();
        orders.close();
        governance.close();
        registry.close();
        await().atMost(Duration.ofSeconds(30)).until(() -> TestPostgres.rows(
                "SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = '" + SLOT + "'"
                        + " AND NOT active").isEmpty()
                && TestPostgres.rows("SELECT 1 FROM pg_replication_slots WHERE slot_name = '" + SLOT + "'").isEmpty());
    }

    @Test
    void capturedOrdersAreRefinedAndComeOutOfTheGateWithLineageAndBadOnesGoToTheDlq() {
        TestPostgres.execute(
                insert("o-1", 0, " eur ", "25.00", 2, "WEB", "emea"),
                insert("o-2", 5, "usd", "7.50", 1, "MOBILE", "AMER"),
                insert("o-3", 8, "€", "12.00", 3, "STORE", null),
                // No items: the contract's has-items rule sends it to the DLQ.
                insert("o-4", 10, "EUR", "0.00", 0, "STORE", "emea"));
        // The shipped topic name, which the orders app reads.
        worker.client().apply(ConnectorConfig.read(Path.of("config", "orders-cdc-source.json")).with(Map.of(
                "key.converter.schema.registry.url", registry.url().toString(),
                "value.converter.schema.registry.url", registry.url().toString(),
                "slot.name", SLOT)).with(TestPostgres.sourceConnection()));

        MeshAvroDeserializer<Object> productValues = new MeshAvroDeserializer<>();
        productValues.configure(new HashMap<>(Map.of("schema.registry.url", registry.url().toString())), false);
        try (KafkaConsumer<byte[], byte[]> products = consumer(PRODUCT);
             KafkaConsumer<byte[], byte[]> dlq = consumer(NAMES.dlqTopic())) {
            List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
            List<ConsumerRecord<byte[], byte[]>> rejected = new ArrayList<>();
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ZERO).until(() -> {
                products.poll(Duration.ofMillis(100)).forEach(out::add);
                dlq.poll(Duration.ofMillis(100)).forEach(rejected::add);
                return out.size() >= 3 && !rejected.isEmpty();
            });

            // Moved two days back, past the dedup window: only the update being no new order keeps it out.
            TestPostgres.execute("UPDATE orders SET placed_at = placed_at - INTERVAL '2 days', total_amount = 30.00 "
                    + "WHERE order_id = 'o-1'", insert("o-5", 20, "GBP", "5.00", 1, "WEB", "apac"));
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ZERO).until(() -> {
                products.poll(Duration.ofMillis(100)).forEach(out::add);
                dlq.poll(Duration.ofMillis(100)).forEach(rejected::add);
                return orderIds(out).contains("o-5");
            });
            // No wait for an absence: CapturedOrdersRefinementTest proves an update places no order; here the update
            // must only leave the flow going, and a second o-1 that arrived by now fails the test.
            assertThat(orderIds(out)).containsExactlyInAnyOrder("o-1", "o-2", "o-3", "o-5");
            assertThat(orderIds(rejected)).containsExactly("o-4");

            List<String> refined = out.stream().map(r -> {
                GenericRecord order = (GenericRecord) productValues.deserialize(PRODUCT, r.value());
                return order.get("orderId") + " " + order.get("currency") + " " + order.get("region") + " " + order.get("channel");
            }).toList();
            assertThat(refined).containsExactlyInAnyOrder("o-1 EUR EMEA WEB", "o-2 USD AMER MOBILE", "o-3 EUR UNKNOWN STORE",
                    "o-5 GBP APAC WEB");
            for (ConsumerRecord<byte[], byte[]> record : out) {
                assertThat(header(record, "mesh.product")).isEqualTo("orders.order-placed");
                assertThat(header(record, "mesh.domain")).isEqualTo("orders");
                assertThat(header(record, "mesh.source")).startsWith(STAGING + "/");
                assertThat(header(record, "mesh.schema.id")).isNotBlank();
            }
            assertThat(header(rejected.get(0), "mesh.error.reason")).contains("has-items");
        }
        worker.client().delete("orders-cdc-source");
    }

    /** An insert of an order placed {@code minutes} after {@link #PLACED}; a null region is SQL NULL. */
    private static String insert(String orderId, int minutes, String currency, String total, int items, String channel,
                                 String region) {
        String placedAt = TIMESTAMP.format(PLACED.plus(Duration.ofMinutes(minutes)));
        return "INSERT INTO orders VALUES ('" + orderId + "', 'c-" + orderId + "', TIMESTAMP '" + placedAt + "', '" + currency
                + "', " + total + ", " + items + ", '" + channel + "', " + (region == null ? "NULL" : "'" + region + "'") + ")";
    }

    private static DomainApp orderRefinement() {
        return OrdersDomain.apps().stream().filter(app -> app.applicationId().equals(OrderRefinement.APPLICATION_ID))
                .findFirst().orElseThrow();
    }

    private static List<String> orderIds(List<ConsumerRecord<byte[], byte[]>> records) {
        return records.stream().map(r -> new String(r.key(), StandardCharsets.UTF_8)).toList();
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
}
