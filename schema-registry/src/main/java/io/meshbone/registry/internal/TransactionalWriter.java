package io.meshbone.registry.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The transactional producer of {@code _schemas}, whose {@code transactional.id} is fixed per topic: initialising it
 * fences every other instance's producer and completes or aborts its open transaction, so at most one instance can
 * commit at a time. Used by the writer thread only.
 */
final class TransactionalWriter implements AutoCloseable {

    private final Map<String, Object> clientConfig;
    private final TopicPartition partition;
    private final Duration timeout;
    private KafkaProducer<String, String> producer;

    TransactionalWriter(Map<String, Object> clientConfig, TopicPartition partition, Duration timeout) {
        this.clientConfig = clientConfig;
        this.partition = partition;
        this.timeout = timeout;
    }

    /** Initialises the producer unless it is; true when it did, after which the caller must read up to the end first. */
    boolean ensureInitialised() {
        if (producer != null) {
            return false;
        }
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "meshbone-schema-registry-" + partition.topic());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) timeout.toMillis());
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
        return true;
    }

    /**
     * Commits the records in one transaction, each carrying the writer header when {@code writer} is known, and returns
     * the offset of the last one.
     */
    long commit(List<StoreWrite.StoreRecord> records, String writer) {
        producer.beginTransaction();
        List<Future<RecordMetadata>> sent = new ArrayList<>(records.size());
        for (StoreWrite.StoreRecord record : records) {
            RecordHeaders headers = new RecordHeaders();
            if (writer != null) {
                headers.add(StoreCodec.WRITER_HEADER, writer.getBytes(StandardCharsets.UTF_8));
            }
            sent.add(producer.send(new ProducerRecord<>(partition.topic(), 0, record.key(), record.value(), headers)));
        }
        producer.commitTransaction();
        long last = -1;
        for (Future<RecordMetadata> future : sent) {
            last = Math.max(last, offsetOf(future));
        }
        return last;
    }

    private long offsetOf(Future<RecordMetadata> future) {
        try {
            // Complete once the commit returned; the wait is only a guard.
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS).offset();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Errors.operationTimeout("Interrupted while writing to the Kafka store", e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw Errors.storeError("Write to the Kafka store failed", e);
        }
    }

    /** Drops the producer (after a failure or a fence); the next write initialises a new one. */
    void discard() {
        if (producer != null) {
            producer.close(Duration.ZERO);
            producer = null;
        }
    }

    @Override
    public void close() {
        discard();
    }
}
