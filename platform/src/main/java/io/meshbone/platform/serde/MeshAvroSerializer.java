package io.meshbone.platform.serde;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.meshbone.platform.registry.SchemaRegistryClient;
import io.meshbone.platform.registry.SchemaRegistryException;
import io.meshbone.platform.serde.internal.OutputBuffer;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes Avro records (generic or specific) in Confluent's wire format: magic byte 0, the 4-byte
 * schema id, then the Avro binary body.
 *
 * <p>The subject comes from the configured {@link SubjectNameStrategy}; the schema is registered on
 * first use ({@code auto.register.schemas}), looked up, or replaced by the subject's latest version
 * ({@code use.latest.version}). Ids and datum writers are cached per topic and schema, so the hot
 * path makes no registry call and allocates little beyond the result array.
 */
public class MeshAvroSerializer<T> implements Serializer<T> {

    private SchemaRegistryClient client;
    private MeshAvroSerdeConfig config;
    private boolean isKey;
    private final Map<String, Map<Schema, Target>> targets = new ConcurrentHashMap<>();

    private record Target(int id, DatumWriter<Object> writer) {
    }

    /** For Kafka's reflective construction; {@link #configure} creates the registry client. */
    public MeshAvroSerializer() {
    }

    /** Uses an existing client (sharing its caches); {@link #configure} must still be called. */
    public MeshAvroSerializer(SchemaRegistryClient client) {
        this.client = client;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean key) {
        this.config = new MeshAvroSerdeConfig(configs);
        this.isKey = key;
        if (client == null) {
            client = new SchemaRegistryClient(config.clientSettings());
        }
    }

    @Override
    public byte[] serialize(String topic, T data) {
        if (data == null) {
            return null;
        }
        if (!(data instanceof GenericContainer container)) {
            throw new SerializationException("MeshAvroSerializer writes Avro records, enums and fixed values; got "
                    + data.getClass().getName() + " for topic '" + topic + "'");
        }
        Schema schema = container.getSchema();
        Map<Schema, Target> byTopic = targets.get(topic);
        if (byTopic == null) {
            byTopic = targets.computeIfAbsent(topic, t -> new ConcurrentHashMap<>());
        }
        Target target = byTopic.get(schema);
        if (target == null) {
            target = resolve(topic, schema, data instanceof SpecificRecord);
            byTopic.put(schema, target);
        }
        OutputBuffer buffer = OutputBuffer.local();
        try {
            BinaryEncoder encoder = buffer.encoder();
            target.writer().write(data, encoder);
            encoder.flush();
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("Cannot write " + schema.getFullName() + " for topic '" + topic
                    + "' with schema id " + target.id() + ": " + e.getMessage(), e);
        }
        return buffer.framed(target.id());
    }

    private Target resolve(String topic, Schema schema, boolean specific) {
        if (config == null) {
            throw new IllegalStateException("MeshAvroSerializer used before configure()");
        }
        String subject = config.strategy(isKey).subject(topic, isKey, schema);
        try {
            if (config.useLatestVersion()) {
                var latest = client.latest(subject);
                Schema latestSchema = new Schema.Parser().parse(latest.schema());
                return new Target(latest.id(), writer(latestSchema, specific));
            }
            String text = schema.toString();
            int id = config.autoRegister() ? client.register(subject, text) : client.id(subject, text);
            return new Target(id, writer(schema, specific));
        } catch (SchemaRegistryException e) {
            throw new SerializationException("Cannot resolve the schema id of " + schema.getFullName() + " under subject '"
                    + subject + "': " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static DatumWriter<Object> writer(Schema schema, boolean specific) {
        return specific ? (DatumWriter<Object>) (DatumWriter<?>) new SpecificDatumWriter<>(schema, SpecificData.get())
                : new GenericDatumWriter<>(schema, GenericData.get());
    }

    @Override
    public void close() {
        targets.clear();
    }
}
