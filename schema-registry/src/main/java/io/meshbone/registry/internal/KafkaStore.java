package io.meshbone.registry.internal;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import io.meshbone.platform.health.PartReporter;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * The registry's storage: one compacted single-partition topic, read fully by every instance,
 * written by whichever instance currently holds the fixed transactional id.
 *
 * <p>Writes are committed by one thread per instance ({@link GroupCommit}): the writes waiting at a moment are
 * decided in turn and committed in one transaction. After (re)initialising its producer, which fences any other
 * instance's producer and completes its open transaction, the writer reads the topic up to its last stable offset
 * before deciding (ids are max + 1). Another instance can commit only after its own {@code initTransactions}, which
 * bumps the epoch and makes this instance's commit fail; the loser re-initialises, re-reads and decides again. So no
 * two committed writes were decided from the same state, and no id is ever handed to two different schemas. After the
 * commit each caller waits until the local reader has applied its records (read-your-writes).
 */
public final class KafkaStore implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final TopicPartition partition;
    private final RegistryState state;
    private final Admin admin;
    private final StoreReader reader;
    private final GroupCommit writer;
    private volatile boolean closed;

    private KafkaStore(Map<String, Object> clientConfig, String topic, RegistryState state, PartReporter health) {
        Map<String, Object> config = Map.copyOf(clientConfig);
        this.partition = new TopicPartition(topic, 0);
        this.state = state;
        this.admin = Admin.create(config);
        this.reader = new StoreReader(config, partition, state, health);
        this.writer = new GroupCommit(new TransactionalWriter(config, partition, TIMEOUT), state, new GroupCommit.ReadBack() {
            @Override
            public void awaitCaughtUp() {
                KafkaStore.this.awaitCaughtUp();
            }

            @Override
            public void awaitPosition(long offset) {
                KafkaStore.this.awaitPosition(offset);
            }
        }, topic);
    }

    /** Prepares the topic, reads it to its end and keeps following it. */
    public static KafkaStore open(Map<String, Object> clientConfig, String topic, RegistryState state, PartReporter health) {
        KafkaStore store = new KafkaStore(clientConfig, topic, state, health);
        try {
            StoreTopic.ensure(store.admin, topic);
            store.reader.start();
            store.awaitCaughtUp();
            store.writer.start();
            return store;
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /** Decides and commits one write on this instance (becoming the writer if it is not), then returns its result once read back. */
    public <T> T write(Function<RegistryState, StoreWrite<T>> decide) {
        return writer.write(decide);
    }

    /** The URL this instance's writes name as their writer, so that other instances forward their writes to it. */
    public void advertiseAs(URI url) {
        writer.advertiseAs(url.toString());
    }

    /** This instance's URL, once {@link #advertiseAs(URI) advertised}. */
    public Optional<String> self() {
        return Optional.ofNullable(writer.self());
    }

    /** Writes waiting for the writer thread to take them into its next transaction. */
    int waitingWrites() {
        return writer.waiting();
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
        writer.close();
        reader.close();
        admin.close(Duration.ofSeconds(5));
    }
}
