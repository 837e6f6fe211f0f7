package io.meshbone.governance;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * A {@code read_committed} consumer on one topic that records, for every record due after the warm-up, the time from
 * its due time ({@link PacedSender#SENT_HEADER}) to when the consumer got it.
 */
final class LatencyProbe implements AutoCloseable {

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Thread thread;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final long[] latencies;
    private volatile int count;
    private volatile int seen;
    private volatile long measureFrom = Long.MAX_VALUE;

    LatencyProbe(Map<String, Object> clientConfig, String topic, int capacity) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        latencies = new long[capacity];
        thread = new Thread(this::poll, "latency-probe-" + topic);
        thread.start();
    }

    /** Counts only records due at or after this System.nanoTime. */
    void measureFrom(long nanos) {
        measureFrom = nanos;
    }

    int count() {
        return count;
    }

    /** Every record consumed, measured or not. */
    int seen() {
        return seen;
    }

    private void poll() {
        while (running.get()) {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                long now = System.nanoTime();
                seen = seen + 1;
                Header due = record.headers().lastHeader(PacedSender.SENT_HEADER);
                long dueNanos = due == null ? Long.MIN_VALUE : ByteBuffer.wrap(due.value()).getLong();
                if (dueNanos >= measureFrom && count < latencies.length) {
                    latencies[count] = now - dueNanos;
                    count = count + 1;
                }
            }
        }
    }

    /** p50, p90, p99 and max in milliseconds of what was measured so far. */
    double[] percentilesMillis() {
        long[] sorted = Arrays.copyOf(latencies, count);
        Arrays.sort(sorted);
        if (sorted.length == 0) {
            return new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN};
        }
        return new double[] {at(sorted, 0.50), at(sorted, 0.90), at(sorted, 0.99), sorted[sorted.length - 1] / 1e6};
    }

    private static double at(long[] sorted, double quantile) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }

    @Override
    public void close() throws InterruptedException {
        if (!running.getAndSet(false)) {
            return;
        }
        thread.join();
        consumer.close();
    }
}
