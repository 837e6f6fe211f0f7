package io.meshbone.domains.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.meshbone.domains.ExampleMesh;
import io.meshbone.localkafka.KafkaCluster;
import io.meshbone.localkafka.testing.SharedKafka;
import io.meshbone.platform.contract.DataProduct;
import io.meshbone.platform.contract.ProductNames;
import io.meshbone.platform.serde.MeshAvroSerdeConfig;
import io.meshbone.platform.serde.MeshAvroSerializer;
import io.meshbone.registry.SchemaRegistryServer;
import io.meshbone.registry.SchemaRegistrySettings;
import io.meshbone.schemas.orders.OrderPlaced;
import org.apache.avro.Conversions;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.StreamsBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** An app's state written under an older product schema stays readable after the app's class gained a field. */
@ExtendWith(SharedKafka.class)
class StateSchemaEvolutionIT {

    @Test
    void readsStateWrittenBeforeAFieldWasAddedWithTheFieldsDefault(KafkaCluster kafka) throws Exception {
        try (SchemaRegistryServer registry = SchemaRegistryServer.start(SchemaRegistrySettings.defaults(kafka.bootstrapServers())
                .withHost("127.0.0.1").withPort(0))) {
            List<DataProduct> products = ExampleMesh.exampleProducts();
            ProductCatalog catalog = ProductCatalog.of(products, registry.url().toString());
            DataProduct orderPlaced = products.stream().filter(p -> p.name().equals("orders.order-placed")).findFirst().orElseThrow();
            String subject = ProductNames.of(orderPlaced).valueSubject();
            // 1.0.0 of the product had no region; 1.1.0 (today's generated class) added it with a default.
            Schema before = withoutField(OrderPlaced.getClassSchema(), "region");
            catalog.registry().register(subject, before.toString());
            catalog.registry().register(subject, OrderPlaced.getClassSchema().toString());

            byte[] storedByOldApp = writtenBy(before, registry.url().toString(), "orders-revenue-by-hour-v2-some-store-changelog");
            Serde<OrderPlaced> state = MeshStreams.on(new StreamsBuilder(), catalog).stateSerde("orders.order-placed");
            OrderPlaced read = state.deserializer().deserialize("orders-revenue-by-hour-v2-some-store-changelog", storedByOldApp);

            assertThat(read.getOrderId()).hasToString("o-1");
            assertThat(read.getRegion()).hasToString("UNKNOWN");
            // And what the new class writes carries the id of today's schema, not of a copy only the app knows.
            byte[] written = state.serializer().serialize("any-changelog", read);
            int id = ByteBuffer.wrap(written, 1, 4).getInt();
            assertThat(catalog.registry().schemaById(id).toString()).contains("\"region\"");
        }
    }

    private static byte[] writtenBy(Schema schema, String registryUrl, String topic) {
        GenericRecord old = new GenericData.Record(schema);
        for (Schema.Field field : schema.getFields()) {
            old.put(field.name(), sample(field));
        }
        try (MeshAvroSerializer<Object> serializer = new MeshAvroSerializer<>()) {
            // Registered under the product subject already, as the contract gate does; the old app never registered.
            serializer.configure(Map.of(MeshAvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl,
                    MeshAvroSerdeConfig.AUTO_REGISTER_SCHEMAS, false), false);
            return serializer.serialize("orders.order-placed.v1", old);
        }
    }

    private static Object sample(Schema.Field field) {
        Schema type = field.schema().getType() == Schema.Type.UNION ? field.schema().getTypes().get(1) : field.schema();
        if (type.getLogicalType() instanceof LogicalTypes.Decimal decimal) {
            return new Conversions.DecimalConversion().toBytes(new BigDecimal("12.50").setScale(decimal.getScale()), type, decimal);
        }
        if (type.getLogicalType() instanceof LogicalTypes.TimestampMillis) {
            return Instant.parse("2026-01-01T10:00:00Z").toEpochMilli();
        }
        return switch (type.getType()) {
            case STRING -> field.name().equals("orderId") ? "o-1" : field.name().equals("currency") ? "EUR" : "x";
            case INT -> 1;
            case LONG -> 1L;
            case DOUBLE -> 1.0;
            case BOOLEAN -> true;
            case ENUM -> new GenericData.EnumSymbol(type, type.getEnumSymbols().get(0));
            case ARRAY -> List.of();
            default -> throw new IllegalArgumentException("no sample for " + field.name() + " of type " + type);
        };
    }

    private static Schema withoutField(Schema schema, String name) {
        List<Schema.Field> kept = schema.getFields().stream().filter(f -> !f.name().equals(name))
                .map(f -> new Schema.Field(f, f.schema())).collect(Collectors.toList());
        return Schema.createRecord(schema.getName(), schema.getDoc(), schema.getNamespace(), false, kept);
    }
}
