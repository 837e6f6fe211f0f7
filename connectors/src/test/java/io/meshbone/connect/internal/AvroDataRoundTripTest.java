package io.meshbone.connect.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import io.meshbone.connect.Samples;
import org.apache.avro.SchemaNormalization;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.Test;

class AvroDataRoundTripTest {

    @Test
    void everyExampleSchemaAndDatumSurvivesAvroToConnectAndBack() {
        List<org.apache.avro.Schema> examples = Samples.exampleSchemas();
        assertThat(examples).hasSizeGreaterThanOrEqualTo(8);
        for (org.apache.avro.Schema avro : examples) {
            assertRoundTrip(avro);
        }
    }

    @Test
    void arraysMapsNestedRecordsWideUnionsFixedAndDatesSurviveTheRoundTrip() {
        assertRoundTrip(Samples.kitchenSink());
    }

    @Test
    void logicalTypesBecomeConnectLogicalTypes() {
        Schema connect = AvroToConnect.schema(Samples.example("OrderPlaced"));

        assertThat(connect.name()).isEqualTo("io.meshbone.schemas.orders.OrderPlaced");
        assertThat(connect.field("placedAt").schema().name()).isEqualTo(Timestamp.LOGICAL_NAME);
        Schema amount = connect.field("totalAmount").schema();
        assertThat(amount.name()).isEqualTo(Decimal.LOGICAL_NAME);
        assertThat(amount.parameters()).containsEntry(Decimal.SCALE_FIELD, "2").containsEntry(AvroNames.DECIMAL_PRECISION, "12");
        Schema channel = connect.field("channel").schema();
        assertThat(channel.type()).isEqualTo(Schema.Type.STRING);
        assertThat(channel.parameters()).containsEntry(AvroNames.ENUM, "io.meshbone.schemas.orders.SalesChannel")
                .containsEntry(AvroNames.ENUM + ".MOBILE", "MOBILE");
        assertThat(connect.field("orderId").schema().doc()).isEqualTo("Unique order id assigned by the shop.");

        Struct value = (Struct) AvroToConnect.value(connect, Samples.example("OrderPlaced"),
                Samples.datum(Samples.example("OrderPlaced"), 1));
        assertThat(value.get("totalAmount")).isEqualTo(new BigDecimal("1239.61"));
        assertThat(value.get("placedAt")).isEqualTo(new java.util.Date(1_767_225_600_000L + 3 * 3_600_000L));
        assertThat(value.get("channel")).isEqualTo("MOBILE");
    }

    @Test
    void nullableFieldsBecomeOptionalWithNullDefault() {
        Schema connect = AvroToConnect.schema(Samples.example("CustomerHistory"));

        assertThat(connect.field("phone").schema().isOptional()).isTrue();
        assertThat(connect.field("validTo").schema().isOptional()).isTrue();
        assertThat(connect.field("validTo").schema().name()).isEqualTo(Timestamp.LOGICAL_NAME);
        assertThat(connect.field("email").schema().isOptional()).isFalse();
    }

    @Test
    void connectOnlyTypesSurviveConnectToAvroAndBack() {
        Schema entry = SchemaBuilder.struct().field("n", Schema.OPTIONAL_INT16_SCHEMA).build();
        Schema schema = SchemaBuilder.struct()
                .field("tiny", Schema.INT8_SCHEMA)
                .field("byId", SchemaBuilder.map(Schema.INT32_SCHEMA, Schema.STRING_SCHEMA).build())
                .field("anonymous", entry)
                .field("amount", Decimal.builder(4).optional().build())
                .build();
        Struct value = new Struct(schema).put("tiny", (byte) 7).put("byId", Map.of(1, "one", 2, "two"))
                .put("anonymous", new Struct(entry).put("n", (short) 300)).put("amount", new BigDecimal("3.1416"));

        org.apache.avro.Schema avro = ConnectToAvro.schema(schema);
        Object datum = ConnectToAvro.value(schema, avro, value);
        Schema back = AvroToConnect.schema(avro);

        assertThat(back.field("tiny").schema().type()).isEqualTo(Schema.Type.INT8);
        assertThat(back.field("byId").schema().type()).isEqualTo(Schema.Type.ARRAY);
        Struct restored = (Struct) AvroToConnect.value(back, avro, datum);
        assertThat(restored.get("tiny")).isEqualTo((byte) 7);
        assertThat(restored.getStruct("anonymous").get("n")).isEqualTo((short) 300);
        assertThat(restored.get("amount")).isEqualTo(new BigDecimal("3.1416"));
        assertThat(restored.getArray("byId")).hasSize(2);
    }

    @Test
    void rejectsDecimalsWiderThanTheSchemaPrecision() {
        Schema connect = AvroToConnect.schema(Samples.example("PaymentSettled"));
        org.apache.avro.Schema avro = ConnectToAvro.schema(connect);
        Struct value = (Struct) AvroToConnect.value(connect, Samples.example("PaymentSettled"),
                Samples.datum(Samples.example("PaymentSettled"), 0));
        value.put("amount", new BigDecimal("12345678901.23"));

        assertThatThrownBy(() -> ConnectToAvro.value(connect, avro, value))
                .isInstanceOf(DataException.class).hasMessageContaining("precision 12");
    }

    @Test
    void rejectsMissingRequiredValues() {
        Schema connect = AvroToConnect.schema(Samples.example("OrderStatus"));
        org.apache.avro.Schema avro = ConnectToAvro.schema(connect);

        assertThatThrownBy(() -> ConnectToAvro.value(connect.field("orderId").schema(),
                avro.getField("orderId").schema(), null)).isInstanceOf(DataException.class);
    }

    @Test
    void rejectsRecursiveRecords() {
        org.apache.avro.Schema node = new org.apache.avro.Schema.Parser().parse("""
                {"type": "record", "name": "Node", "fields": [{"name": "next", "type": ["null", "Node"]}]}""");

        assertThatThrownBy(() -> AvroToConnect.schema(node)).isInstanceOf(DataException.class).hasMessageContaining("Node");
    }

    private static void assertRoundTrip(org.apache.avro.Schema avro) {
        Schema connect = AvroToConnect.schema(avro);
        org.apache.avro.Schema back = ConnectToAvro.schema(connect);
        assertThat(SchemaNormalization.toParsingForm(back)).as(avro.getFullName())
                .isEqualTo(SchemaNormalization.toParsingForm(avro));
        for (org.apache.avro.Schema.Field field : avro.getFields()) {
            assertThat(logical(back.getField(field.name()).schema())).as(avro.getFullName() + "." + field.name())
                    .isEqualTo(logical(field.schema()));
        }
        for (int seed = 0; seed < 4; seed++) {
            Object datum = Samples.datum(avro, seed);
            Object connectValue = AvroToConnect.value(connect, avro, datum);
            ((Struct) connectValue).validate();
            Object restored = ConnectToAvro.value(connect, back, connectValue);
            // Equal Avro binary under the original schema: the converter wrote exactly what it read.
            assertThat(Samples.binary(back, restored)).as(avro.getFullName() + " seed " + seed).isEqualTo(Samples.binary(avro, datum));
        }
    }

    private static String logical(org.apache.avro.Schema schema) {
        if (schema.getType() == org.apache.avro.Schema.Type.UNION) {
            return schema.getTypes().stream().map(AvroDataRoundTripTest::logical).toList().toString();
        }
        return schema.getLogicalType() == null ? schema.getType().getName() : schema.getLogicalType().toString();
    }
}
