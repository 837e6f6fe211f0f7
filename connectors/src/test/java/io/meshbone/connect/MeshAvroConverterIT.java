package io.meshbone.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;

import io.meshbone.localkafka.KafkaCluster;
import io.meshbone.platform.serde.MeshAvroDeserializer;
import io.meshbone.platform.serde.MeshAvroSerializer;
import io.meshbone.localkafka.testing.SharedKafka;
import io.meshbone.localkafka.testing.TestTopics;
import io.meshbone.registry.SchemaRegistryServer;
import io.meshbone.registry.SchemaRegistrySettings;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.RetriableException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedKafka.class)
class MeshAvroConverterIT {

    private static SchemaRegistryServer registry;

    @BeforeAll
    static void startRegistry(KafkaCluster kafka) {
        registry = SchemaRegistryServer.start(SchemaRegistrySettings.defaults(kafka.bootstrapServers())
                .withHost("127.0.0.1").withPort(0));
    }

    @AfterAll
    static void stopRegistry() {
        registry.close();
    }

    @Test
    void readsWhatTheSerdeWroteAndWritesWhatTheSerdeReadsForEveryExampleSchema() {
        for (org.apache.avro.Schema avro : Samples.exampleSchemas()) {
            String topic = TestTopics.unique("converter");
            MeshAvroSerializer<Object> serializer = new MeshAvroSerializer<>();
            serializer.configure(serdeConfig(Map.of()), false);
            MeshAvroDeserializer<Object> deserializer = new MeshAvroDeserializer<>();
            deserializer.configure(serdeConfig(Map.of()), false);
            MeshAvroConverter converter = converter(Map.of(), false);
            for (int seed = 0; seed < 3; seed++) {
                GenericRecord original = (GenericRecord) Samples.datum(avro, seed);

                SchemaAndValue connect = converter.toConnectData(topic, serializer.serialize(topic, original));
                assertThat(connect.schema().name()).isEqualTo(avro.getFullName());
                ((Struct) connect.value()).validate();
                byte[] written = converter.fromConnectData(topic, connect.schema(), connect.value());
                GenericRecord read = (GenericRecord) deserializer.deserialize(topic, written);

                assertThat(Samples.binary(read.getSchema(), read)).as(avro.getFullName() + " seed " + seed)
                        .isEqualTo(Samples.binary(avro, original));
            }
            converter.close();
            serializer.close();
            deserializer.close();
        }
    }

    @Test
    void writesWithTheRegisteredSchemaIdWhenUseLatestVersionIsSet() {
        String topic = TestTopics.unique("latest");
        org.apache.avro.Schema avro = Samples.example("DeliveryRequest");
        MeshAvroSerializer<Object> serializer = new MeshAvroSerializer<>();
        serializer.configure(serdeConfig(Map.of()), false);
        byte[] bySerde = serializer.serialize(topic, Samples.datum(avro, 1));
        MeshAvroConverter converter = converter(Map.of("use.latest.version", "true", "auto.register.schemas", "false"), false);

        SchemaAndValue connect = converter.toConnectData(topic, bySerde);
        byte[] byConverter = converter.fromConnectData(topic, connect.schema(), connect.value());

        assertThat(byConverter).isEqualTo(bySerde);
        converter.close();
        serializer.close();
    }

    @Test
    void roundTripsPrimitiveKeysUnderTheKeySubject() {
        String topic = TestTopics.unique("keys");
        MeshAvroConverter keys = converter(Map.of(), true);

        byte[] bytes = keys.fromConnectData(topic, Schema.STRING_SCHEMA, "order-17");
        SchemaAndValue back = keys.toConnectData(topic, bytes);

        assertThat(bytes[0]).isZero();
        assertThat(back.schema().type()).isEqualTo(Schema.Type.STRING);
        assertThat(back.value()).isEqualTo("order-17");
        int id = ByteBuffer.wrap(bytes, 1, 4).getInt();
        MeshAvroDeserializer<Object> deserializer = new MeshAvroDeserializer<>();
        deserializer.configure(serdeConfig(Map.of()), true);
        assertThat(deserializer.deserialize(topic, bytes).toString()).isEqualTo("order-17");
        assertThat(id).isPositive();
        keys.close();
    }

    @Test
    void reportsAnUnreachableRegistryAsRetriable() {
        MeshAvroConverter converter = new MeshAvroConverter();
        converter.configure(Map.of("schema.registry.url", "http://127.0.0.1:9"), false);
        Struct value = new Struct(org.apache.kafka.connect.data.SchemaBuilder.struct().name("io.meshbone.test.Ping")
                .field("n", Schema.INT32_SCHEMA).build()).put("n", 1);

        assertThatThrownBy(() -> converter.fromConnectData("t", value.schema(), value))
                .isInstanceOf(RetriableException.class).hasMessageContaining("'t'");
        converter.close();
    }

    private static Map<String, Object> serdeConfig(Map<String, String> extra) {
        Map<String, Object> config = new HashMap<>(extra);
        config.put("schema.registry.url", registry.url().toString());
        return config;
    }

    private static MeshAvroConverter converter(Map<String, String> extra, boolean isKey) {
        MeshAvroConverter converter = new MeshAvroConverter();
        converter.configure(serdeConfig(extra), isKey);
        return converter;
    }
}
