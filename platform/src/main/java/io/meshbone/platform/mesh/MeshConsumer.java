package io.meshbone.platform.mesh;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.meshbone.platform.control.Deprecation;
import io.meshbone.platform.mesh.internal.AvroKeyText;
import io.meshbone.platform.serde.MeshAvroDeserializer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A consumer of one data product, found by name through the catalog, with the mesh's Avro deserializer configured.
 *
 * <pre>{@code
 * try (MeshConsumer<GenericRecord> orders = MeshConsumer.subscribe("orders.order-placed",
 *         MeshClientSettings.of("http://localhost:8080").withGroupId("billing").readCommitted())) {
 *     orders.poll(Duration.ofSeconds(1)).forEach(record -> handle(record.value()));
 * }
 * }</pre>
 * Keys are read as UTF-8 strings (products keyed by a field); values as {@code GenericRecord}, or a generated
 * class with {@code specific.avro.reader=true}. Subscribing to a product its owner deprecated logs one WARN naming
 * the sunset date and the successor.
 *
 * @param <V> the value type
 */
public final class MeshConsumer<V> implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MeshConsumer.class);

    private final ProductAddress address;
    private final KafkaConsumer<String, V> consumer;

    private MeshConsumer(ProductAddress address, KafkaConsumer<String, V> consumer) {
        this.address = address;
        this.consumer = consumer;
    }

    /** Subscribes to {@code product} through the catalog named by {@link MeshClientSettings#fromEnvironment()}. */
    public static <V> MeshConsumer<V> subscribe(String product) {
        return subscribe(product, MeshClientSettings.fromEnvironment());
    }

    /**
     * Subscribes to {@code product}'s governed topic. Without a {@code group.id} it joins no group: it reads every
     * partition from where {@code auto.offset.reset} says (the beginning unless set), commits nothing, and needs no
     * group ACL.
     */
    public static <V> MeshConsumer<V> subscribe(String product, MeshClientSettings settings) {
        ProductAddress address = ProductAddress.resolveForReading(settings, product);
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, address.bootstrapServers());
        config.put("schema.registry.url", address.schemaRegistryUrl());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.putAll(settings.kafkaConfig());
        MeshAvroDeserializer<V> values = new MeshAvroDeserializer<>();
        values.configure(config, false);
        // A key with its own Avro schema comes as its JSON text; a field's value as the UTF-8 string it was written as.
        Deserializer<String> keys = address.keySubject() == null ? new StringDeserializer() : new AvroKeyText();
        keys.configure(config, true);
        KafkaConsumer<String, V> consumer = new KafkaConsumer<>(config, keys, values);
        if (config.get(ConsumerConfig.GROUP_ID_CONFIG) == null) {
            assignEveryPartition(consumer, address);
        } else {
            consumer.subscribe(List.of(address.topic()));
        }
        warnIfDeprecated(address);
        return new MeshConsumer<>(address, consumer);
    }

    // Without a group there is nothing to join and no group ACL to hold (what kcat -C does): read every partition.
    private static void assignEveryPartition(KafkaConsumer<String, ?> consumer, ProductAddress address) {
        List<TopicPartition> partitions = consumer.partitionsFor(address.topic()).stream()
                .map(partition -> new TopicPartition(partition.topic(), partition.partition()))
                .toList();
        if (partitions.isEmpty()) {
            consumer.close();
            throw new IllegalStateException("product topic " + address.topic() + " of " + address.name()
                    + " has no partitions at " + address.bootstrapServers());
        }
        consumer.assign(partitions);
    }

    // Once per consumer: an instance subscribes to exactly one product, once.
    private static void warnIfDeprecated(ProductAddress address) {
        Deprecation d = address.deprecation();
        if (d != null) {
            log.warn("Subscribed to deprecated product {}: sunset {}, successor {}{}", address.name(), d.sunset(),
                    d.successor(), d.reason() == null ? "" : " (" + d.reason() + ")");
        }
    }

    /** The product's resolved address. */
    public ProductAddress address() {
        return address;
    }

    /** The next batch of records. */
    public ConsumerRecords<String, V> poll(Duration timeout) {
        return consumer.poll(timeout);
    }

    /** The underlying Kafka consumer, for commits, seeks and metrics. */
    public KafkaConsumer<String, V> kafkaConsumer() {
        return consumer;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
