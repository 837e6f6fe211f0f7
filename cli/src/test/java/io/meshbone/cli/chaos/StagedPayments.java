package io.meshbone.cli.chaos;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.locks.LockSupport;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import io.meshbone.platform.serde.MeshAvroSerializer;
import org.apache.avro.Conversions;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Writes {@code payments.payment-settled} records keyed {@code <prefix>-<i>} to the staging topic on a thread of
 * its own, paced to last at least a given time: one in ten is invalid (every 20th from 3 fails the contract's
 * {@code positive-amount} rule, every 20th from 13 is not Confluent-framed), so the gate sends it to the DLQ.
 */
final class StagedPayments implements AutoCloseable {

    static final String PRODUCT = "payments.payment-settled";
    static final String TOPIC = PRODUCT + ".v1";
    static final String STAGING = TOPIC + ".staging";
    static final String DLQ = TOPIC + ".dlq";
    private static final Schema SCHEMA = schema();

    private final KafkaProducer<byte[], byte[]> producer;
    private final MeshAvroSerializer<GenericRecord> serializer = new MeshAvroSerializer<>();
    private final String prefix;
    private final int records;
    private final long minNanos;
    private final AtomicLong acked = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicReference<Exception> firstFailure = new AtomicReference<>();
    private final Thread thread;
    private volatile Throwable crashed;

    private StagedPayments(Map<String, Object> clientConfig, String registryUrl, String prefix, int records, Duration atLeast) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 128 * 1024);
        // A broker away for a while must cost retries, never a failed send.
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 600_000);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 600_000);
        this.producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
        serializer.configure(Map.of("schema.registry.url", registryUrl, "auto.register.schemas", false, "use.latest.version", true), false);
        this.prefix = prefix;
        this.records = records;
        this.minNanos = atLeast.toNanos();
        this.thread = new Thread(this::produce, "staged-payments-" + prefix);
    }

    /** Starts writing {@code records} records, spread over at least {@code atLeast}. */
    static StagedPayments start(Map<String, Object> clientConfig, String registryUrl, String prefix, int records, Duration atLeast) {
        StagedPayments payments = new StagedPayments(clientConfig, registryUrl, prefix, records, atLeast);
        payments.thread.start();
        return payments;
    }

    /** Whether record {@code i} passes the gate. */
    static boolean valid(int i) {
        return i % 20 != 3 && i % 20 != 13;
    }

    static int validCount(int records) {
        int valid = 0;
        for (int i = 0; i < records; i++) {
            valid += valid(i) ? 1 : 0;
        }
        return valid;
    }

    private void produce() {
        try {
            long started = System.nanoTime();
            for (int i = 0; i < records && !Thread.currentThread().isInterrupted(); i++) {
                long due = started + minNanos * i / records;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    // Pacing the stream over its minimum duration, not waiting for a condition.
                    LockSupport.parkNanos(wait);
                }
                String key = prefix + "-" + i;
                producer.send(new ProducerRecord<>(STAGING, key.getBytes(StandardCharsets.UTF_8), value(i, key)), (metadata, e) -> {
                    if (e == null) {
                        acked.incrementAndGet();
                    } else {
                        failed.incrementAndGet();
                        firstFailure.compareAndSet(null, e);
                    }
                });
            }
            if (!Thread.currentThread().isInterrupted()) {
                producer.flush();
            }
        } catch (RuntimeException e) {
            crashed = e;
        }
    }

    private byte[] value(int i, String key) {
        if (i % 20 == 13) {
            return ("not framed " + key).getBytes(StandardCharsets.UTF_8);
        }
        GenericRecord payment = new GenericData.Record(SCHEMA);
        payment.put("paymentId", "pay-" + key);
        payment.put("orderId", key);
        Schema amount = SCHEMA.getField("amount").schema();
        BigDecimal value = i % 20 == 3 ? new BigDecimal("-1.00") : new BigDecimal("19.99");
        payment.put("amount", new Conversions.DecimalConversion().toBytes(value, amount, amount.getLogicalType()));
        payment.put("currency", "EUR");
        payment.put("method", new GenericData.EnumSymbol(SCHEMA.getField("method").schema(), "CARD"));
        payment.put("settledAt", 1_767_225_600_000L + i);
        return serializer.serialize(STAGING, payment);
    }

    long acked() {
        return acked.get();
    }

    long failed() {
        return failed.get();
    }

    Exception firstFailure() {
        return firstFailure.get();
    }

    /** Waits until every record is acknowledged or failed; rethrows what ended the writing thread. */
    void await(Duration within) throws InterruptedException {
        thread.join(within.toMillis());
        if (thread.isAlive()) {
            throw new AssertionError("still writing after " + within + ": " + acked() + " of " + records + " acknowledged");
        }
        if (crashed != null) {
            throw new AssertionError("writing failed", crashed);
        }
    }

    /** The producer's own retries so far (its {@code record-retry-total}). */
    double retries() {
        for (Map.Entry<org.apache.kafka.common.MetricName, ? extends Metric> metric : producer.metrics().entrySet()) {
            if (metric.getKey().name().equals("record-retry-total") && metric.getKey().group().equals("producer-metrics")) {
                return ((Number) metric.getValue().metricValue()).doubleValue();
            }
        }
        return 0;
    }

    @Override
    public void close() throws InterruptedException {
        thread.interrupt();
        thread.join();
        producer.close(Duration.ofSeconds(10));
        serializer.close();
    }

    private static Schema schema() {
        try (InputStream in = StagedPayments.class.getClassLoader().getResourceAsStream("meshbone/products/payments/payment-settled.avsc")) {
            return new Schema.Parser().parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
