package io.meshbone.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.meshbone.localkafka.KafkaCluster;
import io.meshbone.platform.serde.MeshAvroSerializer;
import io.meshbone.localkafka.testing.SharedKafka;
import io.meshbone.localkafka.testing.TestTopics;
import io.meshbone.registry.SchemaRegistryServer;
import io.meshbone.registry.SchemaRegistrySettings;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Products on the broker reach PostgreSQL through the real dashboard-sink.json on an in-process worker. */
@ExtendWith(SharedKafka.class)
class DashboardSinkIT {

    private static final String REVENUE = "orders.revenue-by-hour.v2";
    private static final String PAYMENTS = "payments.payment-settled.v1";
    private static final String DELIVERIES = "shipping.delivery-request.v1";
    private static final Instant HOUR = Instant.parse("2026-11-28T10:00:00Z");

    private static KafkaCluster kafka;
    private static SchemaRegistryServer registry;
    private static ConnectWorker worker;

    @BeforeAll
    static void start(KafkaCluster cluster) throws Exception {
        kafka = cluster;
        registry = SchemaRegistryServer.start(SchemaRegistrySettings.defaults(kafka.bootstrapServers())
                .withHost("127.0.0.1").withPort(0));
        String group = TestTopics.unique("connect-sink");
        worker = ConnectWorker.start(ConnectWorkerSettings.defaults(kafka.bootstrapServers()).withHost("127.0.0.1")
                .withPort(0).withGroup(group, "_" + group));
        TestPostgres.execute("DROP TABLE IF EXISTS revenue_by_hour_v2, payment_settled_v1, delivery_request_v1");
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> topics = new ArrayList<>();
            for (String topic : List.of(REVENUE, PAYMENTS, DELIVERIES)) {
                if (!existing.contains(topic)) {
                    topics.add(new NewTopic(topic, 3, (short) 1));
                }
            }
            admin.createTopics(topics).all().get();
        }
    }

    @AfterAll
    static void stop() {
        worker.close();
        registry.close();
    }

    @Test
    void productsLandInPostgresTablesAndEntityUpdatesUpsert() throws Exception {
        Schema revenueKey = Samples.example("RevenueHour");
        Schema revenue = Samples.example("RevenueByHour");
        Schema payment = Samples.example("PaymentSettled");
        Schema delivery = Samples.example("DeliveryRequest");
        Map<String, List<Object>> expectedRevenue = new java.util.TreeMap<>();
        List<List<Object>> expectedPayments = new ArrayList<>();
        List<List<Object>> expectedDeliveries = new ArrayList<>();

        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            MeshAvroSerializer<Object> keys = serializer(true);
            MeshAvroSerializer<Object> values = serializer(false);
            // Six hour/region/currency entities, then three of them updated: the table must hold the latest of each.
            for (int round = 0; round < 2; round++) {
                for (int h = 0; h < (round == 0 ? 2 : 1); h++) {
                    for (List<String> cell : List.of(List.of("EMEA", "EUR"), List.of("AMER", "EUR"), List.of("AMER", "USD"))) {
                        String region = cell.get(0);
                        String currency = cell.get(1);
                        Instant hour = HOUR.plus(Duration.ofHours(h));
                        BigDecimal amount = new BigDecimal("100.25").multiply(BigDecimal.valueOf(h + 1 + round * 10));
                        long count = 3L + h + round * 5;
                        GenericData.Record key = new GenericData.Record(revenueKey);
                        key.put("hourStart", hour.toEpochMilli());
                        key.put("region", region);
                        key.put("currency", currency);
                        GenericData.Record value = new GenericData.Record(revenue);
                        value.put("hourStart", hour.toEpochMilli());
                        value.put("region", region);
                        value.put("currency", currency);
                        value.put("revenue", decimal(amount));
                        value.put("orderCount", count);
                        producer.send(new ProducerRecord<>(REVENUE, keys.serialize(REVENUE, key), values.serialize(REVENUE, value)));
                        expectedRevenue.put(hour + region + currency, List.of(utc(hour), region, currency, amount.setScale(2), count));
                    }
                }
            }
            String[] methods = {"CARD", "BANK_TRANSFER", "WALLET"};
            for (int i = 0; i < 5; i++) {
                GenericData.Record value = new GenericData.Record(payment);
                Instant settled = HOUR.plusSeconds(60L * i);
                BigDecimal amount = new BigDecimal("19.99").add(BigDecimal.valueOf(i));
                value.put("paymentId", "pay-" + i);
                value.put("orderId", "order-" + i);
                value.put("amount", decimal(amount));
                value.put("currency", "EUR");
                value.put("method", new GenericData.EnumSymbol(payment.getField("method").schema(), methods[i % 3]));
                value.put("settledAt", settled.toEpochMilli());
                producer.send(new ProducerRecord<>(PAYMENTS, ("order-" + i).getBytes(), values.serialize(PAYMENTS, value)));
                expectedPayments.add(List.of("pay-" + i, "order-" + i, amount, "EUR", methods[i % 3], utc(settled)));
            }
            // Not Confluent-framed Avro: the converter refuses it, the sink parks it in its DLQ and goes on.
            producer.send(new ProducerRecord<>(PAYMENTS, "order-x".getBytes(), "{\"paymentId\": \"pay-x\"}".getBytes()));
            for (int i = 0; i < 3; i++) {
                GenericData.Record value = new GenericData.Record(delivery);
                Instant requested = HOUR.plusSeconds(90L * i);
                value.put("deliveryId", "del-" + i);
                value.put("orderId", "order-" + i);
                value.put("customerId", "cust-" + i);
                value.put("recipientName", "Recipient " + i);
                value.put("email", "r" + i + "@example.com");
                value.put("country", i % 2 == 0 ? "DE" : "FR");
                value.put("itemCount", i + 1);
                value.put("requestedAt", requested.toEpochMilli());
                producer.send(new ProducerRecord<>(DELIVERIES, ("order-" + i).getBytes(), values.serialize(DELIVERIES, value)));
                // The PII fields (recipientName, email) stay out of the dashboard database.
                expectedDeliveries.add(List.of("del-" + i, "order-" + i, "cust-" + i, i % 2 == 0 ? "DE" : "FR", i + 1,
                        utc(requested)));
            }
            producer.flush();
        }

        ConnectClient client = worker.client();
        ConnectorConfig sink = ConnectorConfig.read(Path.of("config", "dashboard-sink.json"))
                .with(Map.of("value.converter.schema.registry.url", registry.url().toString()))
                .with(TestPostgres.sinkConnection());
        assertThat(DashboardDatabase.unreachable(sink)).isEmpty();
        assertThat(client.apply(sink)).isTrue();

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            assertThat(client.status("dashboard-sink").taskStates()).containsOnly("RUNNING");
            assertThat(TestPostgres.rows("SELECT hourstart, region, currency, revenue, ordercount FROM revenue_by_hour_v2 "
                    + "ORDER BY hourstart, region, currency")).isEqualTo(new ArrayList<>(expectedRevenue.values()));
            assertThat(TestPostgres.rows("SELECT paymentid, orderid, amount, currency, method, settledat "
                    + "FROM payment_settled_v1 ORDER BY paymentid")).isEqualTo(expectedPayments);
            assertThat(TestPostgres.rows("SELECT deliveryid, orderid, customerid, country, itemcount, requestedat "
                    + "FROM delivery_request_v1 ORDER BY deliveryid")).isEqualTo(expectedDeliveries);
        });
        assertThat(TestPostgres.rows("SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid "
                + "AND a.attnum = ANY(i.indkey) WHERE i.indrelid = 'revenue_by_hour_v2'::regclass AND i.indisprimary ORDER BY a.attnum"))
                .as("the upsert key is the product's key").extracting(row -> row.get(0))
                .containsExactly("hourstart", "region", "currency");
        assertThat(TestPostgres.rows("SELECT column_name FROM information_schema.columns "
                + "WHERE table_name = 'delivery_request_v1' ORDER BY ordinal_position"))
                .extracting(row -> row.get(0)).containsExactly("deliveryid", "orderid", "customerid", "country", "itemcount",
                        "requestedat");
        assertThat(deadLetters()).singleElement().satisfies(headers -> assertThat(headers)
                .containsEntry("__connect.errors.topic", PAYMENTS)
                .containsEntry("__connect.errors.exception.class.name", "org.apache.kafka.connect.errors.DataException"));
        assertThat(client.list()).extracting(ConnectClient.ConnectorStatus::name).contains("dashboard-sink");
        client.delete("dashboard-sink");
        everyGrafanaPanelQueryAnswersOnTheSinkTables();
    }

    /** The panels of deploy/grafana read these very tables: each query runs and returns rows. */
    private static void everyGrafanaPanelQueryAnswersOnTheSinkTables() throws java.io.IOException {
        JsonNode dashboard = new ObjectMapper().readTree(Path.of("..", "deploy", "grafana", "meshbone-dashboard.json").toFile());
        int queries = 0;
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                String sql = target.path("rawSql").asText()
                        .replaceAll("\\$__timeFilter\\((\\w+(?:\\.\\w+)?)\\)",
                                "$1 BETWEEN TIMESTAMP '2026-11-28 00:00' AND TIMESTAMP '2026-11-29 00:00'")
                        .replaceAll("\\$__timeGroupAlias\\((\\w+), 1h\\)", "date_trunc('hour', $1) AS \"time\"");
                assertThat(TestPostgres.rows(sql)).as(panel.path("title").asText()).isNotEmpty();
                queries++;
            }
        }
        assertThat(queries).isGreaterThanOrEqualTo(8);
    }

    /** Headers of the records in the sink's dead-letter topic, as strings. */
    private static List<Map<String, String>> deadLetters() {
        Map<String, Object> props = new HashMap<>(kafka.clientConfig());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, TestTopics.unique("dlq-reader"));
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        List<Map<String, String>> out = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of("_connect.dashboard-sink.dlq"));
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ZERO).until(() -> {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    Map<String, String> headers = new HashMap<>();
                    record.headers().forEach(h -> headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8)));
                    out.add(headers);
                }
                return !out.isEmpty();
            });
        }
        return out;
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static ByteBuffer decimal(BigDecimal amount) {
        return ByteBuffer.wrap(amount.setScale(2).unscaledValue().toByteArray());
    }

    private static MeshAvroSerializer<Object> serializer(boolean isKey) {
        MeshAvroSerializer<Object> serializer = new MeshAvroSerializer<>();
        Map<String, Object> config = new HashMap<>();
        config.put("schema.registry.url", registry.url().toString());
        serializer.configure(config, isKey);
        return serializer;
    }

    private static KafkaProducer<byte[], byte[]> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return new KafkaProducer<>(props);
    }
}
