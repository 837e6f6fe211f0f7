package io.meshbone.platform.control;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import io.meshbone.platform.contract.DataProduct;
import io.meshbone.platform.contract.ParsedDescriptor;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads {@code _mesh.products} from the beginning to its end and parses every listed, unretired contract. */
public final class ListedProducts {

    private static final Logger log = LoggerFactory.getLogger(ListedProducts.class);

    private ListedProducts() {
    }

    /** Every listed, unretired product's contract, reading {@code _mesh.products} to its end within {@code timeout}. */
    public static List<DataProduct> read(Map<String, Object> clientConfig, Duration timeout) {
        return listings(clientConfig, timeout).values().stream()
                .map(listed -> listed.contract().product().orElseThrow())
                .toList();
    }

    /**
     * Every listed, unretired product whose contract parses, by name, reading {@code _mesh.products} to its end within
     * {@code timeout}: what another cluster's gate consults to find inputs listed there.
     */
    public static Map<String, ListedProduct> listings(Map<String, Object> clientConfig, Duration timeout) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "meshbone-products-reader-" + UUID.randomUUID());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        Map<String, byte[]> latest = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(MeshTopics.PRODUCTS, timeout).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p, timeout) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + MeshTopics.PRODUCTS + " to its end within " + timeout);
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    latest.put(record.key(), record.value());
                }
            }
        }
        Map<String, ListedProduct> listings = new TreeMap<>();
        latest.forEach((name, bytes) -> {
            ListedProduct listed = bytes == null ? null : parse(name, bytes);
            if (listed != null) {
                listings.put(name, listed);
            }
        });
        return listings;
    }

    private static ListedProduct parse(String name, byte[] bytes) {
        try {
            ListedProduct listed = MeshJson.read(bytes, ListedProduct.class);
            if (listed.retired()) {
                return null;
            }
            ParsedDescriptor parsed = listed.contract();
            if (!parsed.valid()) {
                log.warn("listed product {} no longer parses: {}", name, parsed.problems());
                return null;
            }
            return listed;
        } catch (IOException e) {
            log.warn("skipping unreadable {} record for {}: {}", MeshTopics.PRODUCTS, name, e.getMessage());
            return null;
        }
    }
}
