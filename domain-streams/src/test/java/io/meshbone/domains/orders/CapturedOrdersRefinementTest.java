package io.meshbone.domains.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.meshbone.domains.ExampleMesh;
import io.meshbone.domains.ExampleMeshTest;
import io.meshbone.domains.raw.RawCheckout;
import io.meshbone.domains.raw.RawTopics;
import io.meshbone.platform.lineage.LineageHeaders;
import io.meshbone.platform.serde.MeshAvroSerdeConfig;
import io.meshbone.platform.serde.MeshAvroSerializer;
import io.meshbone.schemas.orders.OrderPlaced;
import io.meshbone.schemas.orders.SalesChannel;
import org.apache.avro.Conversions;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Rows the Debezium source captures on {@code orders.raw.orders} become orders like checkouts do. */
class CapturedOrdersRefinementTest extends ExampleMeshTest {

    private static final Instant T0 = Instant.parse("2026-11-28T09:00:00Z");
    /** An unwrapped Debezium row of the orders table: columns, then the {@code __op} and {@code __deleted} it adds. */
    private static final Schema ROW = new Schema.Parser().parse("""
            {"type": "record", "name": "Value", "namespace": "orders_db.public.orders", "fields": [
              {"name": "order_id", "type": "string"},
              {"name": "customer_id", "type": "string"},
              {"name": "placed_at", "type": {"type": "long", "logicalType": "timestamp-millis"}},
              {"name": "currency", "type": "string"},
              {"name": "total_amount", "type": {"type": "bytes", "logicalType": "decimal", "precision": 12, "scale": 2}},
              {"name": "item_count", "type": "int"},
              {"name": "channel", "type": "string"},
              {"name": "region", "type": ["null", "string"], "default": null},
              {"name": "__op", "type": ["null", "string"], "default": null},
              {"name": "__deleted", "type": ["null", "string"], "default": null}]}
            """);
    private static final Schema KEY = new Schema.Parser().parse("""
            {"type": "record", "name": "Key", "namespace": "orders_db.public.orders",
             "fields": [{"name": "order_id", "type": "string"}]}
            """);

    private TestInputTopic<byte[], byte[]> captured;
    private TestInputTopic<String, RawCheckout> checkouts;
    private TestOutputTopic<String, OrderPlaced> placed;
    private MeshAvroSerializer<GenericRecord> keys;
    private MeshAvroSerializer<GenericRecord> values;

    @BeforeEach
    void startDriver() {
        driver = mesh.driver(OrderRefinement.topology(mesh.catalog()));
        captured = driver.createInputTopic(RawTopics.CAPTURED_ORDERS, new ByteArraySerializer(), new ByteArraySerializer());
        checkouts = ExampleMesh.raw(driver, RawTopics.CHECKOUT);
        placed = mesh.staging(driver, OrderRefinement.PRODUCT);
        keys = serializer(true, Map.of());
        values = serializer(false, Map.of());
    }

    @Test
    void insertedAndSnapshotRowsBecomeOrdersAtTheirPlacementTime() {
        capture(row("o-1", "r", " eur ", "emea", null));
        capture(row("o-2", "c", "$", "AMER", null));

        List<TestRecord<String, OrderPlaced>> out = placed.readRecordsToList();

        assertThat(out).extracting(TestRecord::key).containsExactly("o-1", "o-2");
        OrderPlaced first = out.get(0).value();
        assertThat(first.getCustomerId().toString()).isEqualTo("c-o-1");
        assertThat(first.getPlacedAt()).isEqualTo(T0);
        assertThat(first.getCurrency().toString()).isEqualTo("EUR");
        assertThat(first.getTotalAmount()).isEqualByComparingTo("25.00");
        assertThat(first.getItemCount()).isEqualTo(2);
        assertThat(first.getChannel()).isEqualTo(SalesChannel.STORE);
        assertThat(first.getRegion().toString()).isEqualTo("EMEA");
        assertThat(out.get(1).value().getCurrency().toString()).isEqualTo("USD");
        assertThat(out.get(1).value().getRegion().toString()).isEqualTo("AMER");
        assertThat(out.get(0).timestamp()).as("event time is placed_at").isEqualTo(T0.toEpochMilli());
        assertThat(LineageHeaders.upstream(out.get(0).headers())).as("raw input is no product").isEmpty();
    }

    @Test
    void anUpdateOrADeleteOfARowPlacesNoOrder() {
        capture(row("o-3", "u", "EUR", "emea", null));
        capture(row("o-4", "d", "EUR", "emea", "true"));
        capture(row("o-5", "d", "EUR", "emea", null));
        capture(row("o-6", "c", "EUR", "emea", null));

        assertThat(placed.readRecordsToList()).extracting(TestRecord::key).containsExactly("o-6");
    }

    @Test
    void aCapturedRowAndACheckoutOfTheSameOrderGiveOneOrder() {
        capture(row("o-7", "c", "EUR", "emea", null));
        checkouts.pipeInput("o-7", new RawCheckout("o-7", "c-o-7", T0.plusSeconds(30), "EUR", new BigDecimal("25.00"), 2,
                "store", false, "emea"));
        checkouts.pipeInput("o-8", new RawCheckout("o-8", "c-o-8", T0, "EUR", new BigDecimal("9.00"), 1, "web", false, "emea"));
        capture(row("o-8", "r", "EUR", "emea", null));

        assertThat(placed.readRecordsToList()).extracting(TestRecord::key).containsExactly("o-7", "o-8");
    }

    @Test
    void aRowSnapshottedAgainAfterTheDedupWindowPlacesNoSecondOrder() {
        capture(row("o-13", "r", "EUR", "emea", null));
        // Days of later orders move stream time past the 24 h dedup window of o-13's placement.
        checkouts.pipeInput("o-14", new RawCheckout("o-14", "c-o-14", T0.plus(Duration.ofDays(3)), "EUR", new BigDecimal("9.00"), 1,
                "web", false, "emea"));
        capture(row("o-13", "r", "EUR", "emea", null));

        assertThat(placed.readRecordsToList()).extracting(TestRecord::key).containsExactly("o-13", "o-14");
    }

    @Test
    void aRowWithoutARegionCountsAsUnknown() {
        capture(row("o-9", "c", "EUR", null, null));

        assertThat(placed.readRecordsToList()).extracting(r -> r.value().getRegion().toString()).containsExactly("UNKNOWN");
    }

    @Test
    void dropsARowMissingARequiredColumnAndUnreadableBytesAndKeepsGoing() {
        // A table without customer_id; its own subject, so the registry does not weigh it against the full row.
        Schema withoutCustomer = Schema.createRecord("Value", null, "legacy_db.public.orders", false, ROW.getFields().stream()
                .filter(field -> !field.name().equals("customer_id")).map(field -> new Schema.Field(field, field.schema()))
                .toList());
        MeshAvroSerializer<GenericRecord> legacy = serializer(false,
                Map.of(MeshAvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY, "RecordNameStrategy"));
        GenericRecord full = row("o-10", "c", "EUR", "emea", null);
        GenericData.Record partial = new GenericData.Record(withoutCustomer);
        withoutCustomer.getFields().forEach(field -> partial.put(field.name(), full.get(field.name())));
        captured.pipeInput(key("o-10"), legacy.serialize(RawTopics.CAPTURED_ORDERS, partial), T0);
        captured.pipeInput(key("o-11"), "not avro".getBytes(StandardCharsets.UTF_8), T0);
        capture(row("o-12", "c", "EUR", "emea", null));

        assertThat(placed.readRecordsToList()).extracting(TestRecord::key).containsExactly("o-12");
    }

    private void capture(GenericRecord row) {
        String orderId = row.get("order_id").toString();
        captured.pipeInput(key(orderId), values.serialize(RawTopics.CAPTURED_ORDERS, row));
    }

    private byte[] key(String orderId) {
        GenericData.Record key = new GenericData.Record(KEY);
        key.put("order_id", orderId);
        return keys.serialize(RawTopics.CAPTURED_ORDERS, key);
    }

    private static GenericRecord row(String orderId, String op, String currency, String region, String deleted) {
        Schema decimal = ROW.getField("total_amount").schema();
        GenericData.Record row = new GenericData.Record(ROW);
        row.put("order_id", orderId);
        row.put("customer_id", "c-" + orderId);
        row.put("placed_at", T0.toEpochMilli());
        row.put("currency", currency);
        row.put("total_amount", new Conversions.DecimalConversion().toBytes(new BigDecimal("25.00"), decimal,
                decimal.getLogicalType()));
        row.put("item_count", 2);
        row.put("channel", "STORE");
        row.put("region", region);
        row.put("__op", op);
        row.put("__deleted", deleted);
        return row;
    }

    private static MeshAvroSerializer<GenericRecord> serializer(boolean isKey, Map<String, String> extra) {
        Map<String, Object> config = new HashMap<>(extra);
        config.put(MeshAvroSerdeConfig.SCHEMA_REGISTRY_URL, mesh.registryUrl());
        MeshAvroSerializer<GenericRecord> serializer = new MeshAvroSerializer<>();
        serializer.configure(config, isKey);
        return serializer;
    }
}
