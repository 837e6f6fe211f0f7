package io.meshbone.cli.chaos;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntPredicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Counts, by key, the records keyed {@code <prefix>-<i>} that reach the product topic and the DLQ, read
 * {@code read_committed} from the start on a thread of its own while the test runs.
 */
final class KeyCounts implements AutoCloseable {

    /** What the two topics hold for one run. */
    record Tally(long lost, long duplicated, long misrouted) {
        boolean clean() {
            return lost == 0 && duplicated == 0 && misrouted == 0;
        }
    }

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final String keyPrefix;
    private final AtomicIntegerArray inProduct;
    private final AtomicIntegerArray inDlq;
    private final AtomicLong distinct = new AtomicLong();
    private final Thread thread;
    private volatile boolean caughtUp;
    private volatile Throwable crashed;

    private KeyCounts(Map<String, Object> clientConfig, String prefix, int records) {
        Map<String, Object> config = new java.util.HashMap<>(clientConfig);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        this.consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.keyPrefix = prefix + "-";
        this.inProduct = new AtomicIntegerArray(records);
        this.inDlq = new AtomicIntegerArray(records);
        this.thread = new Thread(this::follow, "key-counts-" + prefix);
    }

    /** Starts following the product topic and the DLQ of {@link StagedPayments}. */
    static KeyCounts follow(Map<String, Object> clientConfig, String prefix, int records) {
        KeyCounts counts = new KeyCounts(clientConfig, prefix, records);
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : List.of(StagedPayments.TOPIC, StagedPayments.DLQ)) {
            counts.consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
        }
        counts.consumer.assign(partitions);
        counts.consumer.seekToBeginning(partitions);
        counts.thread.start();
        return counts;
    }

    private void follow() {
        try {
            while (true) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    count(record);
                }
                if (distinct.get() == inProduct.length()) {
                    caughtUp = consumer.endOffsets(consumer.assignment()).entrySet().stream()
                            .allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            crashed = e;
        } finally {
            consumer.close();
        }
    }

    private void count(ConsumerRecord<byte[], byte[]> record) {
        String key = record.key() == null ? "" : new String(record.key(), StandardCharsets.UTF_8);
        if (!key.startsWith(keyPrefix)) {
            return;
        }
        int i = Integer.parseInt(key.substring(keyPrefix.length()));
        AtomicIntegerArray counts = record.topic().equals(StagedPayments.DLQ) ? inDlq : inProduct;
        if (counts.incrementAndGet(i) == 1 && (counts == inDlq ? inProduct : inDlq).get(i) == 0) {
            distinct.incrementAndGet();
        }
    }

    /** Keys seen at least once, in either topic. */
    long distinct() {
        requireRunning();
        return distinct.get();
    }

    /** Every key seen and every partition read up to its last stable offset. */
    boolean complete() {
        requireRunning();
        return caughtUp;
    }

    private void requireRunning() {
        if (crashed != null) {
            throw new AssertionError("counting failed", crashed);
        }
    }

    /** Lost: a key in neither topic where it belongs; duplicated: copies beyond the first; misrouted: in the other topic. */
    Tally tally(IntPredicate valid) {
        long lost = 0;
        long duplicated = 0;
        long misrouted = 0;
        for (int i = 0; i < inProduct.length(); i++) {
            int right = valid.test(i) ? inProduct.get(i) : inDlq.get(i);
            int wrong = valid.test(i) ? inDlq.get(i) : inProduct.get(i);
            lost += right == 0 ? 1 : 0;
            duplicated += Math.max(0, right - 1);
            misrouted += wrong;
        }
        return new Tally(lost, duplicated, misrouted);
    }

    @Override
    public void close() throws InterruptedException {
        consumer.wakeup();
        thread.join();
    }
}
