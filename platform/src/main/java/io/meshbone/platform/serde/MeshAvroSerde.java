package io.meshbone.platform.serde;

import java.util.Map;

import io.meshbone.platform.registry.SchemaRegistryClient;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** A Kafka {@link Serde} pairing {@link MeshAvroSerializer} and {@link MeshAvroDeserializer}, for Kafka Streams. */
public class MeshAvroSerde<T> implements Serde<T> {

    private final MeshAvroSerializer<T> serializer;
    private final MeshAvroDeserializer<T> deserializer;

    public MeshAvroSerde() {
        this.serializer = new MeshAvroSerializer<>();
        this.deserializer = new MeshAvroDeserializer<>();
    }

    /** Both halves share this client and its caches. */
    public MeshAvroSerde(SchemaRegistryClient client) {
        this.serializer = new MeshAvroSerializer<>(client);
        this.deserializer = new MeshAvroDeserializer<>(client);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        serializer.configure(configs, isKey);
        deserializer.configure(configs, isKey);
    }

    @Override
    public Serializer<T> serializer() {
        return serializer;
    }

    @Override
    public Deserializer<T> deserializer() {
        return deserializer;
    }

    @Override
    public void close() {
        serializer.close();
        deserializer.close();
    }
}
