package io.meshbone.registry.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Function;

import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.InvalidTxnStateException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.utils.ExponentialBackoff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that writes {@code _schemas} on this instance: it takes every write waiting at that moment, decides
 * them in turn (each against the state plus the records of the writes before it in the batch) and commits their
 * records in one transaction, then answers each caller with its own result or error.
 *
 * <p>Decisions are only ever made from a state that holds everything this instance committed, and, after its producer
 * was (re)initialised, everything anyone committed. While the producer stays unfenced nobody else can have committed,
 * so no read of the end offset is needed between batches; if another instance did initialise the transactional id in
 * between, this commit fails (fenced), and the batch is decided again after re-initialising and reading to the end.
 */
final class GroupCommit implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);
    private static final int MAX_BATCH = 256;
    private static final int MAX_FENCED_ATTEMPTS = 30;
    private static final int MAX_OTHER_FAILURES = 5;
    /** Long enough for a whole series of fenced attempts; the store's own waits are 30 s each. */
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(120);
    /**
     * Waits after being fenced: 10 ms doubling up to 200 ms, each ± 50 % so that two instances taking the
     * writer role from each other fall out of step.
     */
    private static final ExponentialBackoff FENCED_BACKOFF = new ExponentialBackoff(10, 2, 200, 0.5);

    /** How the writer reads its own and others' commits back. */
    interface ReadBack {

        /** Waits until the local state holds everything committed so far (reads the last stable offset first). */
        void awaitCaughtUp();

        /** Waits until the local state holds every record before {@code offset}. */
        void awaitPosition(long offset);
    }

    private final BlockingQueue<PendingWrite<?>> queue = new LinkedBlockingQueue<>();
    private final TransactionalWriter transactions;
    private final RegistryState state;
    private final ReadBack readBack;
    private final Thread thread;
    private volatile String self;
    private volatile boolean closed;
    private long committedEnd;

    GroupCommit(TransactionalWriter transactions, RegistryState state, ReadBack readBack, String topic) {
        this.transactions = transactions;
        this.state = state;
        this.readBack = readBack;
        this.thread = new Thread(this::run, "schemas-writer-" + topic);
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** The URL every record this instance writes names as its writer (see {@link StoreCodec#WRITER_HEADER}). */
    void advertiseAs(String url) {
        self = url;
    }

    String self() {
        return self;
    }

    /** Queues the write, then waits for its own answer or error. */
    <T> T write(Function<RegistryState, StoreWrite<T>> decide) {
        if (closed) {
            throw Errors.storeError("The schema registry is shutting down", null);
        }
        PendingWrite<T> pending = new PendingWrite<>(decide);
        queue.add(pending);
        if (closed) {
            failWaiting();
        }
        return pending.await(ANSWER_TIMEOUT);
    }

    /** Writes queued and not yet taken into a batch. */
    int waiting() {
        return queue.size();
    }

    private void run() {
        while (!closed) {
            List<PendingWrite<?>> batch = new ArrayList<>();
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                break;
            }
            queue.drainTo(batch, MAX_BATCH - 1);
            try {
                commit(batch);
            } catch (RuntimeException | Error e) {
                // The one writer thread of this instance must outlive any write: fail the batch and take the next.
                log.error("Write of {} changes to the schemas topic failed unexpectedly", batch.size(), e);
                transactions.discard();
                failAll(batch, Errors.storeError("Write to the Kafka store failed: " + e, null));
            }
        }
        failWaiting();
    }

    private void commit(List<PendingWrite<?>> batch) {
        int fenced = 0;
        int otherFailures = 0;
        while (true) {
            if (closed) {
                failAll(batch, Errors.storeError("The schema registry is shutting down", null));
                return;
            }
            try {
                commitOnce(batch);
                return;
            } catch (ProducerFencedException | InvalidProducerEpochException | InvalidTxnStateException e) {
                // Another instance took the writer role; our transaction was aborted. Decide again from what it wrote.
                transactions.discard();
                if (++fenced >= MAX_FENCED_ATTEMPTS) {
                    failAll(batch, Errors.storeError("Could not become the schemas writer after " + fenced + " attempts", e));
                    return;
                }
                log.info("Schemas writer fenced by another instance (attempt {}), retrying", fenced);
                if (!backOff(fenced)) {
                    failAll(batch, Errors.operationTimeout("Interrupted while waiting to retry a write", e));
                    return;
                }
            } catch (KafkaException e) {
                // Possibly committed, possibly not: the next attempt re-initialises, reads to the end and decides again,
                // so a write that did land is found in the state rather than written twice.
                transactions.discard();
                if (batch.size() > 1) {
                    // One write's records (too large, say) may be what failed the transaction: commit each on its own.
                    log.warn("Write of {} changes to the schemas topic failed, retrying them one by one: {}", batch.size(), e.toString());
                    batch.forEach(write -> commit(List.of(write)));
                    return;
                }
                if (++otherFailures >= MAX_OTHER_FAILURES) {
                    failAll(batch, Errors.storeError("Write to the Kafka store failed: " + e.getMessage(), e));
                    return;
                }
                log.warn("Write to the schemas topic failed (attempt {}): {}", otherFailures, e.toString());
            } catch (RuntimeException e) {
                // A read-back that timed out, or a bug: the caller gets the error; the next batch reads its state anew.
                transactions.discard();
                failAll(batch, e);
                return;
            }
        }
    }

    private void commitOnce(List<PendingWrite<?>> batch) {
        if (transactions.ensureInitialised()) {
            readBack.awaitCaughtUp();
        } else {
            readBack.awaitPosition(committedEnd);
        }
        boolean several = batch.size() > 1;
        RegistryState view = several ? state.copy() : state;
        List<StoreWrite.StoreRecord> records = new ArrayList<>();
        List<Runnable> answers = new ArrayList<>(batch.size());
        for (PendingWrite<?> write : batch) {
            answers.add(write.decide(view, records, several));
        }
        if (!records.isEmpty()) {
            long last = transactions.commit(records, self);
            committedEnd = last + 1;
            readBack.awaitPosition(committedEnd);
        }
        answers.forEach(Runnable::run);
    }

    private static boolean backOff(int attempt) {
        try {
            Thread.sleep(FENCED_BACKOFF.backoff(attempt - 1));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void failAll(List<PendingWrite<?>> batch, RuntimeException error) {
        batch.forEach(write -> write.fail(error));
    }

    private void failWaiting() {
        List<PendingWrite<?>> left = new ArrayList<>();
        queue.drainTo(left);
        failAll(left, Errors.storeError("The schema registry is shutting down", null));
    }

    /** Stops the thread, failing writes still waiting, and closes the producer. */
    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        failWaiting();
        transactions.close();
    }
}
