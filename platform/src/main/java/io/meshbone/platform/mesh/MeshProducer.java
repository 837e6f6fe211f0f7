package io.meshbone.platform.mesh;

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
import org.apache.kafka.common.serialization.StringSerializer;

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
 * owns the schema); the key is the contract's key field of the value, as a UTF-8 string.
 */
public final class MeshProducer implements AutoCloseable {

    private final MeshClientSettings settings;
    private final Map<String, ProductAddress> addresses = new ConcurrentHashMap<>();
    private volatile KafkaProducer<String, GenericRecord> producer;

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
        ProductAddress address = addresses.computeIfAbsent(product, name -> ProductAddress.resolve(settings.catalogUrl(), name));
        String key = null;
        if (address.keyField() != null) {
            Object field = value.hasField(address.keyField()) ? value.get(address.keyField()) : null;
            if (field == null) {
                throw new IllegalArgumentException(product + " is keyed by field '" + address.keyField()
                        + "', which the record lacks or leaves null");
            }
            key = field.toString();
        }
        return producer(address).send(new ProducerRecord<>(address.stagingTopic(), key, value));
    }

    private synchronized KafkaProducer<String, GenericRecord> producer(ProductAddress address) {
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
            producer = new KafkaProducer<>(config, new StringSerializer(), values);
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
        }
    }
}
