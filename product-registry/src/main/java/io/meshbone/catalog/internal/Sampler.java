package io.meshbone.catalog.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meshbone.platform.registry.SchemaRegistryClient;
import io.meshbone.platform.registry.SchemaRegistryClientSettings;
import io.meshbone.platform.serde.AvroJson;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Reads the newest records of a product topic and decodes them to JSON with the registry, PII masked unless cleared. */
public final class Sampler {

    private static final Duration READ_LIMIT = Duration.ofSeconds(5);

    private final Map<String, Object> clientConfig;
    private final SchemaRegistryClient registry;
    private final Map<Integer, Schema> schemas = new ConcurrentHashMap<>();

    public Sampler(Map<String, Object> clientConfig, String registryUrl) {
        this.clientConfig = Map.copyOf(clientConfig);
        this.registry = new SchemaRegistryClient(SchemaRegistryClientSettings.of(registryUrl, clientConfig));
    }

    /** Up to {@code n} newest committed records of {@code topic}, newest first, PII masked. */
    public List<JsonNode> newest(String topic, int n) {
        return newest(topic, n, true);
    }

    /** Up to {@code n} newest committed records of {@code topic}, newest first; PII shown only when {@code maskPii} is false. */
    public List<JsonNode> newest(String topic, int n, boolean maskPii) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "meshbone-catalog-sample-" + UUID.randomUUID());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, READ_LIMIT);
            if (infos == null || infos.isEmpty()) {
                return List.of();
            }
            List<TopicPartition> partitions = infos.stream().map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> begins = consumer.beginningOffsets(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            for (TopicPartition tp : partitions) {
                // Transaction markers take offsets too (the gate writes exactly-once): look twice as far back.
                consumer.seek(tp, Math.max(begins.get(tp), ends.get(tp) - 2L * n - 2));
            }
            long deadline = System.nanoTime() + READ_LIMIT.toNanos();
            while (System.nanoTime() < deadline && partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        records.sort(Comparator.comparingLong((ConsumerRecord<byte[], byte[]> r) -> r.timestamp()).reversed());
        return records.stream().limit(n).map(record -> decode(record, maskPii)).toList();
    }

    private JsonNode decode(ConsumerRecord<byte[], byte[]> record, boolean maskPii) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("partition", record.partition());
        node.put("offset", record.offset());
        node.put("timestamp", Instant.ofEpochMilli(record.timestamp()).toString());
        node.set("key", decodeOrText(record.key(), maskPii));
        node.set("value", decodeOrText(record.value(), maskPii));
        return node;
    }

    private JsonNode decodeOrText(byte[] bytes, boolean maskPii) {
        if (bytes == null) {
            return JsonNodeFactory.instance.nullNode();
        }
        if (bytes.length > 5 && bytes[0] == 0) {
            try {
                int id = ByteBuffer.wrap(bytes, 1, 4).getInt();
                Schema schema = schemas.computeIfAbsent(id, i -> new Schema.Parser().parse(registry.schemaById(i)));
                Object datum = new GenericDatumReader<>(schema).read(null,
                        DecoderFactory.get().binaryDecoder(bytes, 5, bytes.length - 5, null));
                return AvroJson.toJson(datum, schema, maskPii);
            } catch (Exception e) {
                return JsonNodeFactory.instance.textNode("<undecodable: " + e.getClass().getSimpleName() + ">");
            }
        }
        return JsonNodeFactory.instance.textNode(new String(bytes, StandardCharsets.UTF_8));
    }
}
