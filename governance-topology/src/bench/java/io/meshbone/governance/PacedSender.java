package io.meshbone.governance;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * An open-loop producer: record {@code i} is due at {@code start + i / rate} and carries that due time (System.nanoTime)
 * in the {@value #SENT_HEADER} header, so a slow send shows as latency instead of slowing the load down.
 */
final class PacedSender {

    static final String SENT_HEADER = "bench.due.nanos";

    private PacedSender() {
    }

    /** Sends {@code rate * duration} records to the topic, on a 1 ms tick, and returns once all are acknowledged. */
    static void send(Map<String, Object> clientConfig, String topic, PaddedPayments payments, int size, int rate, Duration duration)
            throws Exception {
        long total = rate * duration.toSeconds();
        long intervalNanos = 1_000_000_000L / rate;
        byte[][] values = new byte[1000][];
        for (int i = 0; i < values.length; i++) {
            values[i] = payments.payment(i, size);
        }
        Map<String, Object> config = new HashMap<>(clientConfig);
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
            long start = System.nanoTime();
            long[] next = {0};
            ticker.scheduleAtFixedRate(() -> {
                long now = System.nanoTime();
                for (long i = next[0]; i < total && start + i * intervalNanos <= now; i = ++next[0]) {
                    long due = start + i * intervalNanos;
                    int n = (int) (i % values.length);
                    ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic,
                            PaddedPayments.orderId(n).getBytes(StandardCharsets.UTF_8), values[n]);
                    record.headers().add(SENT_HEADER, ByteBuffer.allocate(Long.BYTES).putLong(due).array());
                    producer.send(record);
                }
            }, 0, 1, TimeUnit.MILLISECONDS);
            while (next[0] < total) {
                Thread.sleep(50);
            }
            ticker.shutdown();
            ticker.awaitTermination(10, TimeUnit.SECONDS);
            producer.flush();
        } finally {
            ticker.shutdownNow();
        }
    }
}
