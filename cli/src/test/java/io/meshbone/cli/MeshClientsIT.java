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
}
