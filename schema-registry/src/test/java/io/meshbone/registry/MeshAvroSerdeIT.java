package io.meshbone.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.meshbone.localkafka.KafkaCluster;
import io.meshbone.platform.registry.SchemaRegistryClient;
import io.meshbone.platform.registry.SchemaRegistryClientSettings;
import io.meshbone.platform.serde.MeshAvroDeserializer;
import io.meshbone.platform.serde.MeshAvroSerde;
import io.meshbone.platform.serde.MeshAvroSerializer;
import io.meshbone.localkafka.testing.SharedKafka;
import io.meshbone.localkafka.testing.TestTopics;
import io.meshbone.test.avro.Payment;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedKafka.class)
class MeshAvroSerdeIT {

    private static final Schema ORDER = new Schema.Parser().parse(Registries.record("SerdeOrder",
            Registries.field("id", "string"), Registries.field("amount", "long")));

    private static SchemaRegistryServer registry;
    private static SchemaRegistryClient client;

    @BeforeAll
    static void start(KafkaCluster kafka) {
        registry = Registries.start(kafka, Registries.uniqueTopic());
        client = new SchemaRegistryClient(SchemaRegistryClientSettings.of(registry.url().toString()));
    }

    @AfterAll
    static void stop() {
        registry.close();
    }

    private static Map<String, Object> config(Object... pairs) {
        Map<String, Object> config = new HashMap<>();
        config.put("schema.registry.url", registry.url().toString());
        for (int i = 0; i < pairs.length; i += 2) {
            config.put((String) pairs[i], pairs[i + 1]);
        }
        return config;
    }

    private static GenericRecord order(String id, long amount) {
        GenericRecord record = new GenericData.Record(ORDER);
        record.put("id", id);
        record.put("amount", amount);
        return record;
    }

    @Test
    void writesExactlyMagicByteThenBigEndianIdThenTheRawAvroBody() throws IOException {
        String topic = TestTopics.unique("wire");
        try (MeshAvroSerializer<GenericRecord> serializer = new MeshAvroSerializer<>()) {
            serializer.configure(config(), false);
            byte[] bytes = serializer.serialize(topic, order("o-1", 1234));
            int id = client.lookup(topic + "-value", ORDER.toString()).id();

            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(raw, null);
            new GenericDatumWriter<GenericRecord>(ORDER).write(order("o-1", 1234), encoder);
            encoder.flush();

            assertThat(bytes[0]).isEqualTo((byte) 0);
            assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(id);
            assertThat(Arrays.copyOfRange(bytes, 5, bytes.length)).isEqualTo(raw.toByteArray());
        }
    }

    @Test
    void roundTripsGenericRecords() {
        String topic = TestTopics.unique("generic");
        try (MeshAvroSerde<GenericRecord> serde = new MeshAvroSerde<>()) {
            serde.configure(config(), false);
            GenericRecord back = serde.deserializer().deserialize(topic, serde.serializer().serialize(topic, order("o-2", 7)));
            assertThat(back).isEqualTo(order("o-2", 7));
        }
    }

    @Test
    void roundTripsSpecificRecordsIntoTheGeneratedClass() {
        String topic = TestTopics.unique("specific");
        Payment payment = Payment.newBuilder().setId("p-1").setCents(995).setNote("thanks").build();
        try (MeshAvroSerializer<Payment> serializer = new MeshAvroSerializer<>(client);
             MeshAvroDeserializer<Object> specific = new MeshAvroDeserializer<>(client);
             MeshAvroDeserializer<Object> generic = new MeshAvroDeserializer<>(client)) {
            serializer.configure(config(), false);
            specific.configure(config("specific.avro.reader", true), false);
            generic.configure(config(), false);
            byte[] bytes = serializer.serialize(topic, payment);
            assertThat(specific.deserialize(topic, bytes)).isInstanceOf(Payment.class).isEqualTo(payment);
            assertThat(generic.deserialize(topic, bytes)).isInstanceOf(GenericRecord.class)
                    .extracting(r -> ((GenericRecord) r).get("cents")).isEqualTo(995L);
        }
    }

    @Test
    void namesSubjectsByTheConfiguredStrategyIncludingConfluentClassNames() {
        String topic = TestTopics.unique("strategy");
        try (MeshAvroSerializer<GenericRecord> byRecord = new MeshAvroSerializer<>(client);
             MeshAvroSerializer<GenericRecord> byTopicRecord = new MeshAvroSerializer<>(client);
             MeshAvroSerializer<GenericRecord> key = new MeshAvroSerializer<>(client)) {
            byRecord.configure(config("value.subject.name.strategy", "io.confluent.kafka.serializers.subject.RecordNameStrategy"), false);
            byTopicRecord.configure(config("value.subject.name.strategy", "TopicRecordNameStrategy"), false);
            key.configure(config(), true);
            byRecord.serialize(topic, order("a", 1));
            byTopicRecord.serialize(topic, order("a", 1));
            key.serialize(topic, order("a", 1));
        }
        assertThat(client.subjects()).contains("io.meshbone.test.SerdeOrder", topic + "-io.meshbone.test.SerdeOrder", topic + "-key");
    }

    @Test
    void withoutAutoRegisterAnUnregisteredSchemaFailsAndARegisteredOneIsFound() {
        String topic = TestTopics.unique("noauto");
        try (MeshAvroSerializer<GenericRecord> serializer = new MeshAvroSerializer<>()) {
            serializer.configure(config("auto.register.schemas", false), false);
            assertThatThrownBy(() -> serializer.serialize(topic, order("x", 1)))
                    .isInstanceOf(SerializationException.class).hasMessageContaining(topic + "-value");
            int id = client.register(topic + "-value", ORDER.toString());
            byte[] bytes = serializer.serialize(topic, order("x", 1));
            assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(id);
        }
    }

    @Test
    void useLatestVersionWritesWithTheSubjectsNewestId() {
        String topic = TestTopics.unique("latest");
        client.register(topic + "-value", ORDER.toString());
        Schema evolved = new Schema.Parser().parse(Registries.record("SerdeOrder", Registries.field("id", "string"),
                Registries.field("amount", "long"), Registries.fieldWithDefault("note", "string", "\"\"")));
        int latest = client.register(topic + "-value", evolved.toString());
        try (MeshAvroSerializer<GenericRecord> serializer = new MeshAvroSerializer<>()) {
            serializer.configure(config("use.latest.version", true), false);
            GenericRecord record = new GenericData.Record(evolved);
            record.put("id", "l");
            record.put("amount", 3L);
            record.put("note", "n");
            assertThat(ByteBuffer.wrap(serializer.serialize(topic, record), 1, 4).getInt()).isEqualTo(latest);
        }
    }

    @Test
    void badBytesRaiseASerializationExceptionThatSaysWhich() {
        String topic = TestTopics.unique("bad");
        try (MeshAvroSerde<GenericRecord> serde = new MeshAvroSerde<>(client)) {
            serde.configure(config(), false);
            byte[] good = serde.serializer().serialize(topic, order("long enough id", 123456789L));
            assertThatThrownBy(() -> serde.deserializer().deserialize(topic, new byte[] {0, 0, 1}))
                    .isInstanceOf(SerializationException.class).hasMessageContaining("too short");
            byte[] wrongMagic = good.clone();
            wrongMagic[0] = 1;
            assertThatThrownBy(() -> serde.deserializer().deserialize(topic, wrongMagic))
                    .isInstanceOf(SerializationException.class).hasMessageContaining("magic byte 1");
            byte[] unknownId = good.clone();
            ByteBuffer.wrap(unknownId).putInt(1, 987_654_321);
            assertThatThrownBy(() -> serde.deserializer().deserialize(topic, unknownId))
                    .isInstanceOf(SerializationException.class).hasMessageContaining("Unknown schema id 987654321");
            byte[] truncated = Arrays.copyOf(good, good.length - 4);
            assertThatThrownBy(() -> serde.deserializer().deserialize(topic, truncated))
                    .isInstanceOf(SerializationException.class).hasMessageContaining("Truncated Avro body");
        }
    }

    @Test
    void carriesRecordsThroughARealTopic(KafkaCluster kafka) {
        String topic = TestTopics.unique("through-kafka");
        Map<String, Object> producerConfig = new HashMap<>(config());
        producerConfig.put("bootstrap.servers", kafka.bootstrapServers());
        try (KafkaProducer<String, GenericRecord> producer = new KafkaProducer<>(producerConfig, new StringSerializer(),
                serializer(producerConfig))) {
            producer.send(new ProducerRecord<>(topic, "k", order("o-9", 99)));
            producer.flush();
        }
        Map<String, Object> consumerConfig = new HashMap<>(producerConfig);
        consumerConfig.put("group.id", TestTopics.unique("serde-group"));
        consumerConfig.put("auto.offset.reset", "earliest");
        MeshAvroDeserializer<GenericRecord> deserializer = new MeshAvroDeserializer<>();
        deserializer.configure(consumerConfig, false);
        try (KafkaConsumer<String, GenericRecord> consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(), deserializer)) {
            consumer.subscribe(List.of(topic));
            List<GenericRecord> received = new java.util.ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> received.add(r.value()));
                return !received.isEmpty();
            });
            assertThat(received).containsExactly(order("o-9", 99));
        }
    }

    private static MeshAvroSerializer<GenericRecord> serializer(Map<String, Object> config) {
        MeshAvroSerializer<GenericRecord> serializer = new MeshAvroSerializer<>();
        serializer.configure(config, false);
        return serializer;
    }
}
