package io.meshbone.registry.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.meshbone.platform.health.PartReporter;
import io.meshbone.platform.health.SupervisedLoop;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The thread that follows the schemas topic (committed records only) and applies it to the state; supervised, so
 * a failure is reported to its health and reading resumes from where it stopped after a backoff.
 */
final class StoreReader implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StoreReader.class);

    private final KafkaConsumer<String, String> consumer;
    private final TopicPartition partition;
    private final RegistryState state;
    private final PartReporter health;
    private SupervisedLoop loop;
    private boolean started;

    StoreReader(Map<String, Object> clientConfig, TopicPartition partition, RegistryState state, PartReporter health) {
        this.health = health;
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        this.consumer = new KafkaConsumer<>(config);
        this.partition = partition;
        this.state = state;
    }

    void start() {
        started = true;
        consumer.assign(List.of(partition));
        consumer.seekToBeginning(List.of(partition));
        loop = SupervisedLoop.start("schemas-reader-" + partition.topic(), health, this::run);
        loop.onClose(consumer::wakeup);
    }

    private void run(SupervisedLoop supervisor) {
        try {
            while (supervisor.running()) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                    try {
                        StoreCodec.apply(record.key(), record.value(), state);
                        // Only a record the registry could read names the writer: a damaged one is not trusted with it.
                        Header writer = record.headers().lastHeader(StoreCodec.WRITER_HEADER);
                        if (writer != null) {
                            state.putWriter(new String(writer.value(), StandardCharsets.UTF_8));
                        }
                    } catch (RuntimeException e) {
                        // A foreign or damaged record must not stop the registry; it is skipped, never guessed at.
                        log.error("Skipping unreadable record at offset {} of {}: {}", record.offset(), partition,
                                e.getClass().getSimpleName());
                    }
                }
                state.advanceTo(consumer.position(partition));
                health.running(consumer.currentLag(partition).orElse(0));
            }
        } catch (WakeupException e) {
            if (supervisor.running()) {
                throw e;
            }
        }
    }

    @Override
    public void close() {
        if (!started) {
            consumer.close(Duration.ZERO);
            return;
        }
        loop.close();
        consumer.close(Duration.ofSeconds(2));
    }
}
