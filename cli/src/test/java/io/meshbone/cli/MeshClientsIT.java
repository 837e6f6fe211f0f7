package io.meshbone.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.meshbone.platform.control.MeshJson;
import io.meshbone.platform.mesh.MeshClientSettings;
import io.meshbone.platform.mesh.MeshConsumer;
import io.meshbone.platform.mesh.MeshProducer;
import io.meshbone.localkafka.testing.SharedKafka;
import org.apache.avro.Conversions;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Publish and subscribe by product name, resolved through the catalog of a running mesh. */
@ExtendWith({SharedKafka.class, SharedMesh.class})
class MeshClientsIT {

    @Test
    void publishedRecordPassesTheGateAndReachesASubscriberByName(EmbeddedMesh mesh) throws Exception {
        MeshClientSettings settings = MeshClientSettings.of(mesh.catalogUrl().toString());
        String paymentId = "pay-" + UUID.randomUUID();
        try (MeshProducer producer = MeshProducer.create(settings)) {
            producer.publish("payments.payment-settled", payment(paymentId)).get();
        }
        try (MeshConsumer<GenericRecord> consumer = MeshConsumer.subscribe("payments.payment-settled",
                settings.withGroupId("mesh-clients-it-" + UUID.randomUUID()).readCommitted())) {
            assertThat(consumer.address().topic()).isEqualTo("payments.payment-settled.v1");
            List<String> seen = new ArrayList<>();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> seen.add(r.value().get("paymentId").toString()));
                return seen.contains(paymentId);
            });
        }
        // Without a group id: no group joined, every partition read from the beginning.
        try (MeshConsumer<GenericRecord> groupless = MeshConsumer.subscribe("payments.payment-settled", settings.readCommitted())) {
            assertThat(groupless.kafkaConsumer().assignment()).hasSize(groupless.kafkaConsumer()
                    .partitionsFor("payments.payment-settled.v1").size());
            assertThat(groupless.kafkaConsumer().subscription()).isEmpty();
            List<String> seen = new ArrayList<>();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                groupless.poll(Duration.ofMillis(500)).forEach(r -> seen.add(r.value().get("paymentId").toString()));
                return seen.contains(paymentId);
            });
        }
    }

    @Test
    void aProductWithAnAvroKeySchemaTakesTheKeyRecordAndPassesTheGate(EmbeddedMesh mesh) throws Exception {
        MeshClientSettings settings = MeshClientSettings.of(mesh.catalogUrl().toString());
        String region = "probe-" + UUID.randomUUID();
        // An hour long gone, so the record cannot be mistaken for the revenue app's own output.
        long hourStart = 946_684_800_000L;
        try (MeshProducer producer = MeshProducer.create(settings)) {
            assertThatThrownBy(() -> producer.publish("orders.revenue-by-hour", revenue(hourStart, region)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("orders.revenue-by-hour").hasMessageContaining("orders.revenue-by-hour.v2-key");
            producer.publish("orders.revenue-by-hour", revenueKey(hourStart, region), revenue(hourStart, region)).get();
        }
        try (MeshConsumer<GenericRecord> consumer = MeshConsumer.subscribe("orders.revenue-by-hour",
                settings.withGroupId("mesh-clients-it-" + UUID.randomUUID()).readCommitted()
                        .with("auto.offset.reset", "earliest"))) {
            List<String> keys = new ArrayList<>();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                    if (region.equals(r.value().get("region").toString())) {
                        keys.add(r.key());
                    }
                });
                return !keys.isEmpty();
            });
            // The Avro key comes back as its JSON text, not as the framing's bytes read as UTF-8.
            assertThat(MeshJson.tree(keys.get(0)).path("region").asText()).isEqualTo(region);
        }
    }

    @Test
    void unknownProductNamesFailWithTheCatalogsSuggestion(EmbeddedMesh mesh) {
        MeshClientSettings settings = MeshClientSettings.of(mesh.catalogUrl().toString());
        assertThatThrownBy(() -> MeshConsumer.subscribe("payments.payment-setled", settings))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("payments.payment-settled");
    }

    private static GenericRecord payment(String paymentId) throws Exception {
        Schema schema = new Schema.Parser().parse(Path.of("..", "schemas", "payments", "payment-settled.avsc").toFile());
        GenericRecord record = new GenericData.Record(schema);
        record.put("paymentId", paymentId);
        record.put("orderId", "ord-" + paymentId);
        Schema amount = schema.getField("amount").schema();
        record.put("amount", new Conversions.DecimalConversion().toBytes(new BigDecimal("12.50"), amount, amount.getLogicalType()));
        record.put("currency", "EUR");
        record.put("method", new GenericData.EnumSymbol(schema.getField("method").schema(), "WALLET"));
        record.put("settledAt", System.currentTimeMillis());
        return record;
    }

    private static Schema schema(String file) throws Exception {
        return new Schema.Parser().parse(Path.of("..", "schemas", "orders", file).toFile());
    }

    private static GenericRecord revenueKey(long hourStart, String region) throws Exception {
        GenericRecord key = new GenericData.Record(schema("revenue-by-hour-key.avsc"));
        key.put("hourStart", hourStart);
        key.put("region", region);
        key.put("currency", "EUR");
        return key;
    }

    private static GenericRecord revenue(long hourStart, String region) throws Exception {
        Schema schema = schema("revenue-by-hour.avsc");
        GenericRecord record = new GenericData.Record(schema);
        record.put("hourStart", hourStart);
        record.put("region", region);
        record.put("currency", "EUR");
        Schema revenue = schema.getField("revenue").schema();
        record.put("revenue", new Conversions.DecimalConversion().toBytes(new BigDecimal("99.99"), revenue, revenue.getLogicalType()));
        record.put("orderCount", 3L);
        return record;
    }
}
