package io.meshbone.connect;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.function.Function;

import io.meshbone.connect.internal.AvroToConnect;
import io.meshbone.connect.internal.ConnectToAvro;
import io.meshbone.platform.registry.SchemaRegistryClient;
import io.meshbone.platform.registry.SchemaRegistryException;
import io.meshbone.platform.serde.MeshAvroDeserializer;
import io.meshbone.platform.serde.MeshAvroSerdeConfig;
import io.meshbone.platform.serde.MeshAvroSerializer;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.common.cache.Cache;
import org.apache.kafka.common.cache.LRUCache;
import org.apache.kafka.common.cache.SynchronizedCache;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.storage.Converter;

/**
 * A Connect converter between Connect data and Confluent-framed Avro registered in the mesh's schema registry.
 *
 * <p>It takes the settings of Confluent's {@code io.confluent.connect.avro.AvroConverter}
 * ({@code schema.registry.url}, {@code auto.register.schemas}, {@code use.latest.version}, subject name
 * strategies, basic auth), so a Confluent connector config works by changing only the class name. Avro
 * logical types map to Connect's {@code Decimal}, {@code Timestamp}, {@code Date} and {@code Time};
 * enums to strings that remember their symbols; {@code ["null", X]} unions to optional X. A registry
 * that cannot be reached raises a {@link RetriableException} (the worker retries); bad bytes, unknown
 * schema ids and values that do not fit the schema raise a {@link DataException}.
 */
public class MeshAvroConverter implements Converter {

    private MeshAvroSerdeConfig config;
    private SchemaRegistryClient client;
    private MeshAvroSerializer<Object> serializer;
    private MeshAvroDeserializer<Object> deserializer;
    private boolean isKey;
    private Cache<Schema, org.apache.avro.Schema> toAvro;
    private Cache<Integer, Schemas> byId;
    private Cache<String, Integer> primitiveIds;

    private record Schemas(org.apache.avro.Schema avro, Schema connect) {
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        MeshAvroConverterConfig converterConfig = new MeshAvroConverterConfig(configs);
        this.config = converterConfig.serde();
        this.isKey = isKey;
        this.client = new SchemaRegistryClient(config.clientSettings());
        this.serializer = new MeshAvroSerializer<>(client);
        this.serializer.configure(configs, isKey);
        this.deserializer = new MeshAvroDeserializer<>(client);
        this.deserializer.configure(configs, isKey);
        this.toAvro = lru(converterConfig.cacheSize());
        this.byId = lru(converterConfig.cacheSize());
        this.primitiveIds = lru(converterConfig.cacheSize());
    }

    private static <K, V> Cache<K, V> lru(int capacity) {
        return new SynchronizedCache<>(new LRUCache<>(capacity));
    }

    /** The cached value for {@code key}, computed outside the cache's lock when absent (two threads may both compute it). */
    private static <K, V> V cached(Cache<K, V> cache, K key, Function<K, V> compute) {
        V value = cache.get(key);
        if (value == null) {
            value = compute.apply(key);
            cache.put(key, value);
        }
        return value;
    }

    @Override
    public ConfigDef config() {
        return MeshAvroConverterConfig.configDef();
    }

    @Override
    public byte[] fromConnectData(String topic, Schema schema, Object value) {
        if (value == null) {
            return null;
        }
        if (schema == null) {
            throw new DataException("MeshAvroConverter writes only values with a Connect schema (topic '" + topic + "')");
        }
        try {
            org.apache.avro.Schema avro = cached(toAvro, schema, ConnectToAvro::schema);
            Object datum = ConnectToAvro.value(schema, avro, value);
            return datum instanceof GenericContainer ? serializer.serialize(topic, datum) : primitive(topic, avro, datum);
        } catch (RuntimeException e) {
            throw translate("Cannot convert a " + (isKey ? "key" : "value") + " to Avro for topic '" + topic + "'", e);
        }
    }

    @Override
    public SchemaAndValue toConnectData(String topic, byte[] bytes) {
        if (bytes == null) {
            return SchemaAndValue.NULL;
        }
        try {
            Object datum = deserializer.deserialize(topic, bytes);
            int id = ByteBuffer.wrap(bytes, 1, 4).getInt();
            Schemas schemas = cached(byId, id, this::schemasOf);
            return new SchemaAndValue(schemas.connect(), AvroToConnect.value(schemas.connect(), schemas.avro(), datum));
        } catch (RuntimeException e) {
            throw translate("Cannot convert Avro " + (isKey ? "key" : "value") + " bytes from topic '" + topic + "'", e);
        }
    }

    private Schemas schemasOf(int id) {
        org.apache.avro.Schema avro = new org.apache.avro.Schema.Parser().parse(client.schemaById(id));
        return new Schemas(avro, AvroToConnect.schema(avro));
    }

    private byte[] primitive(String topic, org.apache.avro.Schema avro, Object datum) {
        String subject = config.strategy(isKey).subject(topic, isKey, avro);
        String text = avro.toString();
        int id = cached(primitiveIds, subject + '\n' + text, key -> config.useLatestVersion() ? client.latest(subject).id()
                : config.autoRegister() ? client.register(subject, text) : client.id(subject, text));
        ByteArrayOutputStream out = new ByteArrayOutputStream(32);
        out.write(0);
        out.writeBytes(ByteBuffer.allocate(4).putInt(id).array());
        try {
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
            new GenericDatumWriter<>(avro).write(datum, encoder);
            encoder.flush();
        } catch (IOException e) {
            throw new DataException("Cannot write Avro " + avro.getType() + " with schema id " + id, e);
        }
        return out.toByteArray();
    }

    /** Registry outages are retriable; anything about the data itself is not. */
    private static RuntimeException translate(String what, RuntimeException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SchemaRegistryException registry && registry.retriable()) {
                return new RetriableException(what + ": schema registry unavailable: " + registry.getMessage(), e);
            }
        }
        return e instanceof DataException data ? data : new DataException(what + ": " + e.getMessage(), e);
    }

    @Override
    public void close() {
        if (serializer != null) {
            serializer.close();
            deserializer.close();
        }
    }
}
