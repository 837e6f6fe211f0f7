package io.meshbone.cli.chaos;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Which registry instance is the writer: the one the newest {@code _schemas} record names in its
 * {@code meshbone.registry.writer} header (its advertised URL), matched to an instance by port, since an instance may
 * advertise its host name where the test knows it as localhost.
 */
final class WritingRegistry {

    private static final String SCHEMAS = "_schemas";
    private static final String WRITER_HEADER = "meshbone.registry.writer";

    private WritingRegistry() {
    }

    /** The index in {@code registryUrls} of the instance that wrote the newest record of {@code _schemas}. */
    static int of(Map<String, Object> clientConfig, List<String> registryUrls) {
        String writer = newestWriter(clientConfig);
        int port = URI.create(writer).getPort();
        for (int i = 0; i < registryUrls.size(); i++) {
            if (URI.create(registryUrls.get(i)).getPort() == port) {
                return i;
            }
        }
        throw new AssertionError("the newest _schemas record names writer " + writer + ", none of " + registryUrls);
    }

    private static String newestWriter(Map<String, Object> clientConfig) {
        Map<String, Object> config = new java.util.HashMap<>(clientConfig);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            TopicPartition partition = new TopicPartition(SCHEMAS, 0);
            consumer.assign(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            // The newest records may be transaction markers: look back far enough to find a data record.
            consumer.seek(partition, Math.max(0, end - 64));
            String writer = null;
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (consumer.position(partition) < end && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    Header header = record.headers().lastHeader(WRITER_HEADER);
                    if (header != null) {
                        writer = new String(header.value(), StandardCharsets.UTF_8);
                    }
                }
            }
            if (writer == null) {
                throw new AssertionError("no record of _schemas names its writer (" + WRITER_HEADER + ")");
            }
            return writer;
        }
    }
}
