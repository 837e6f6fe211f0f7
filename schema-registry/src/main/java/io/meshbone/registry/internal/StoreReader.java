package io.meshbone.registry.internal;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The thread that follows the schemas topic (committed records only) and applies it to the state. */
final class StoreReader implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StoreReader.class);

    private final KafkaConsumer<String, String> consumer;
    private final TopicPartition partition;
    private final RegistryState state;
    private final Thread thread;
    private volatile boolean running = true;
    private boolean started;

    StoreReader(Map<String, Object> clientConfig, TopicPartition partition, RegistryState state) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        this.consumer = new KafkaConsumer<>(config);
        this.partition = partition;
        this.state = state;
        this.thread = new Thread(this::run, "schemas-reader-" + partition.topic());
        this.thread.setDaemon(true);
    }

    void start() {
        started = true;
        consumer.assign(List.of(partition));
        consumer.seekToBeginning(List.of(partition));
        thread.start();
    }

    private void run() {
        try {
            while (running) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                    try {
                        StoreCodec.apply(record.key(), record.value(), state);
                    } catch (RuntimeException e) {
                        // A foreign or damaged record must not stop the registry; it is skipped, never guessed at.
                        log.error("Skipping unreadable record at offset {} of {}: {}", record.offset(), partition,
                                e.getClass().getSimpleName());
                    }
                }
                state.advanceTo(consumer.position(partition));
            }
        } catch (WakeupException e) {
            if (running) {
                log.error("Schemas reader woken up unexpectedly", e);
            }
        } catch (RuntimeException e) {
            log.error("Schemas reader stopped", e);
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    @Override
    public void close() {
        if (!started) {
            consumer.close(Duration.ZERO);
            return;
        }
        running = false;
        consumer.wakeup();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
