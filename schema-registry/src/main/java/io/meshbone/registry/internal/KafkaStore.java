package io.meshbone.registry.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import io.meshbone.platform.health.PartReporter;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.InvalidTxnStateException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.ExponentialBackoff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry's storage: one compacted single-partition topic, read fully by every instance,
 * written by whichever instance currently holds the fixed transactional id.
 *
 * <p>Every write runs as: make sure this instance's transactional producer is initialised (which
 * fences any other instance's producer and completes its open transaction), read the topic up to
 * its last stable offset, decide the records from that complete state (ids are max + 1), and
 * commit them in one transaction. Another instance can commit only after its own
 * {@code initTransactions}, which bumps the epoch and makes this instance's commit fail; the loser
 * re-initialises, re-reads and decides again. So no two committed writes were decided from the
 * same state, and no id is ever handed to two different schemas. After the commit the caller
 * waits until the local reader has applied its records (read-your-writes).
 */
public final class KafkaStore implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaStore.class);
    private static final int MAX_ATTEMPTS = 30;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    /**
     * Waits after being fenced: 10 ms doubling up to 200 ms, each ± 50 % so that two instances taking the
     * writer role from each other fall out of step.
     */
    private static final ExponentialBackoff FENCED_BACKOFF = new ExponentialBackoff(10, 2, 200, 0.5);

    private final Map<String, Object> clientConfig;
    private final TopicPartition partition;
    private final RegistryState state;
    private final Admin admin;
    private final StoreReader reader;
    private final Object writeLock = new Object();
    private KafkaProducer<String, String> producer;
    private volatile boolean closed;

    private KafkaStore(Map<String, Object> clientConfig, String topic, RegistryState state, PartReporter health) {
        this.clientConfig = Map.copyOf(clientConfig);
        this.partition = new TopicPartition(topic, 0);
        this.state = state;
        this.admin = Admin.create(this.clientConfig);
        this.reader = new StoreReader(this.clientConfig, partition, state, health);
    }

    /** Prepares the topic, reads it to its end and keeps following it. */
    public static KafkaStore open(Map<String, Object> clientConfig, String topic, RegistryState state, PartReporter health) {
        KafkaStore store = new KafkaStore(clientConfig, topic, state, health);
        try {
            StoreTopic.ensure(store.admin, topic);
            store.reader.start();
            store.awaitCaughtUp();
            return store;
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /** Decides and commits one write as the single writer, then returns its result once read back. */
    public <T> T write(Function<RegistryState, StoreWrite<T>> decide) {
        synchronized (writeLock) {
            int otherFailures = 0;
            for (int attempt = 1; ; attempt++) {
                try {
                    return writeOnce(decide);
                } catch (ProducerFencedException | InvalidProducerEpochException | InvalidTxnStateException e) {
                    // Another instance took the writer role; our transaction was aborted. Decide again.
                    log.info("Schemas writer fenced by another instance (attempt {}), retrying", attempt);
                    discardProducer();
                    if (attempt >= MAX_ATTEMPTS) {
                        throw Errors.storeError("Could not become the schemas writer after " + attempt + " attempts", e);
                    }
                    backOff(attempt);
                } catch (KafkaException e) {
                    // Possibly committed, possibly not: the next attempt re-initialises, re-reads and decides again,
                    // so a write that did land is found in the state rather than written twice.
                    discardProducer();
                    if (++otherFailures >= 5) {
                        throw Errors.storeError("Write to the Kafka store failed: " + e.getMessage(), e);
                    }
                    log.warn("Write to the schemas topic failed (attempt {}): {}", attempt, e.toString());
                }
            }
        }
    }

    private <T> T writeOnce(Function<RegistryState, StoreWrite<T>> decide) {
        KafkaProducer<String, String> writer = producer();
        awaitCaughtUp();
        StoreWrite<T> write = decide.apply(state);
        if (write.records().isEmpty()) {
            return write.result();
        }
        writer.beginTransaction();
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        for (StoreWrite.StoreRecord record : write.records()) {
            sent.add(writer.send(new ProducerRecord<>(partition.topic(), 0, record.key(), record.value())));
        }
        writer.commitTransaction();
        long last = offsetOf(sent.get(sent.size() - 1));
        awaitPosition(last + 1);
        return write.result();
    }

    private long offsetOf(Future<RecordMetadata> future) {
        try {
            return future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).offset();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Errors.operationTimeout("Interrupted while writing to the Kafka store", e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw Errors.storeError("Write to the Kafka store failed", e);
        }
    }

    private KafkaProducer<String, String> producer() {
        if (producer == null) {
            Map<String, Object> config = new HashMap<>(clientConfig);
            config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "meshbone-schema-registry-" + partition.topic());
            config.put(ProducerConfig.ACKS_CONFIG, "all");
            config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) TIMEOUT.toMillis());
            config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
            config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
            KafkaProducer<String, String> created = new KafkaProducer<>(config);
            try {
                created.initTransactions();
            } catch (RuntimeException e) {
                created.close(Duration.ZERO);
                throw e;
            }
            producer = created;
        }
        return producer;
    }

    private void discardProducer() {
        if (producer != null) {
            producer.close(Duration.ZERO);
            producer = null;
        }
    }

    private static void backOff(int attempt) {
        try {
            Thread.sleep(FENCED_BACKOFF.backoff(attempt - 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Errors.operationTimeout("Interrupted while waiting to retry a write", e);
        }
    }

    /** Waits until the reader has applied everything committed so far (up to the last stable offset). */
    void awaitCaughtUp() {
        long end;
        try {
            end = admin.listOffsets(Map.of(partition, OffsetSpec.latest()), new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
                    .partitionResult(partition).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).offset();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Errors.operationTimeout("Interrupted while reading the Kafka store", e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw Errors.storeError("Cannot read the end offset of " + partition, e);
        }
        awaitPosition(end);
    }

    private void awaitPosition(long offset) {
        try {
            if (!state.awaitPosition(offset, TIMEOUT.toMillis())) {
                throw Errors.operationTimeout("Timed out waiting for the local reader to reach offset " + offset
                        + " of " + partition + " (at " + state.position() + ")", null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Errors.operationTimeout("Interrupted while waiting for the local reader", e);
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        synchronized (writeLock) {
            discardProducer();
        }
        reader.close();
        admin.close(Duration.ofSeconds(5));
    }
}
