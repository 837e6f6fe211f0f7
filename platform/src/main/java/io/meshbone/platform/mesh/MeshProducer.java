package io.meshbone.platform.mesh;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;

import io.meshbone.platform.serde.MeshAvroSerializer;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Publishes records to data products by name: resolves each product through the catalog and writes to its
 * staging topic, where the record gate checks it before it reaches the product topic.
 *
 * <pre>{@code
 * try (MeshProducer producer = MeshProducer.create(MeshClientSettings.of("http://localhost:8080"))) {
 *     producer.publish("orders.order-placed", order).get();
 * }
 * }</pre>
 * The value is serialized against the product's latest registered schema (no auto-registration: the contract
 * owns the schema). The key is the contract's key field of the value, as a UTF-8 string ({@code key: {field: …}});
 * a product whose key has its own Avro schema ({@code key: {schema: …}}) takes the key record through
 * {@link #publish(String, GenericRecord, GenericRecord)}, written Confluent-framed with the id of the product's key
 * subject.
 */
public final class MeshProducer implements AutoCloseable {

    private final MeshClientSettings settings;
    private final Map<String, ProductAddress> addresses = new ConcurrentHashMap<>();
    private volatile KafkaProducer<byte[], GenericRecord> producer;
    private MeshAvroSerializer<GenericRecord> keys;

    private MeshProducer(MeshClientSettings settings) {
        this.settings = settings;
    }

    /** A producer using the catalog at {@code settings.catalogUrl()}; Kafka connects on the first publish. */
    public static MeshProducer create(MeshClientSettings settings) {
        return new MeshProducer(settings);
    }

    /** A producer using the catalog named by {@link MeshClientSettings#fromEnvironment()}. */
    public static MeshProducer create() {
        return create(MeshClientSettings.fromEnvironment());
    }

    /** Sends {@code value} to {@code product}'s staging topic; the future completes when Kafka has it. */
    public Future<RecordMetadata> publish(String product, GenericRecord value) {
        ProductAddress address = address(product);
        if (address.keySubject() != null) {
            throw new IllegalArgumentException(product + " is keyed by its own Avro schema (subject " + address.keySubject()
                    + "): pass the key record with publish(product, key, value)");
        }
        byte[] key = null;
        if (address.keyField() != null) {
            Object field = value.hasField(address.keyField()) ? value.get(address.keyField()) : null;
            if (field == null) {
                throw new IllegalArgumentException(product + " is keyed by field '" + address.keyField()
                        + "', which the record lacks or leaves null");
            }
            key = field.toString().getBytes(StandardCharsets.UTF_8);
        }
        return producer(address).send(new ProducerRecord<>(address.stagingTopic(), key, value));
    }

    /**
     * Sends {@code value} with {@code key} to the staging topic of {@code product}, whose contract gives the key its own
     * Avro schema; the key is written against the latest schema of the product's key subject.
     */
    public Future<RecordMetadata> publish(String product, GenericRecord key, GenericRecord value) {
        ProductAddress address = address(product);
        if (address.keySubject() == null) {
            throw new IllegalArgumentException(product + " has no Avro key schema"
                    + (address.keyField() == null ? "" : "; its key is the value's field '" + address.keyField() + "'")
                    + ": use publish(product, value)");
        }
        if (key == null) {
            throw new IllegalArgumentException(product + " is keyed by its own Avro schema (subject " + address.keySubject()
                    + "); the key record is null");
        }
        KafkaProducer<byte[], GenericRecord> kafka = producer(address);
        // The staging topic's key subject holds the same schema (same id) as the product's, which is what the gate checks.
        byte[] framed = keys.serialize(address.stagingTopic(), key);
        return kafka.send(new ProducerRecord<>(address.stagingTopic(), framed, value));
    }

    private ProductAddress address(String product) {
        return addresses.computeIfAbsent(product, name -> ProductAddress.resolveForPublishing(settings, name));
    }

    private synchronized KafkaProducer<byte[], GenericRecord> producer(ProductAddress address) {
        if (producer == null) {
            Map<String, Object> config = new HashMap<>();
            config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, address.bootstrapServers());
            config.put("schema.registry.url", address.schemaRegistryUrl());
            config.put("auto.register.schemas", false);
            config.put("use.latest.version", true);
            config.put(ProducerConfig.ACKS_CONFIG, "all");
            config.putAll(settings.kafkaConfig());
            MeshAvroSerializer<GenericRecord> values = new MeshAvroSerializer<>();
            values.configure(config, false);
            keys = new MeshAvroSerializer<>();
            keys.configure(config, true);
            producer = new KafkaProducer<>(config, new ByteArraySerializer(), values);
        }
        return producer;
    }

    /** Sends what is buffered. */
    public void flush() {
        if (producer != null) {
            producer.flush();
        }
    }

    @Override
    public synchronized void close() {
        if (producer != null) {
            producer.close();
            keys.close();
        }
    }
}
