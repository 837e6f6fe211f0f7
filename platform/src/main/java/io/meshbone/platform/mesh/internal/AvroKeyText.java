package io.meshbone.platform.mesh.internal;

import java.util.Map;

import io.meshbone.platform.serde.AvroJson;
import io.meshbone.platform.serde.MeshAvroDeserializer;
import org.apache.avro.generic.GenericContainer;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads a product's Confluent-framed Avro key as its JSON text, so consumers of products keyed by an Avro schema
 * get the same {@code String} keys as those keyed by a field, instead of the framing's bytes read as UTF-8.
 */
public final class AvroKeyText implements Deserializer<String> {

    private final MeshAvroDeserializer<Object> avro = new MeshAvroDeserializer<>();

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        avro.configure(configs, true);
    }

    @Override
    public String deserialize(String topic, byte[] data) {
        return text(avro.deserialize(topic, data));
    }

    @Override
    public String deserialize(String topic, Headers headers, byte[] data) {
        return text(avro.deserialize(topic, headers, data));
    }

    private static String text(Object key) {
        if (key == null) {
            return null;
        }
        if (key instanceof GenericContainer container) {
            return AvroJson.toJson(key, container.getSchema(), false).toString();
        }
        return key.toString();
    }

    @Override
    public void close() {
        avro.close();
    }
}
