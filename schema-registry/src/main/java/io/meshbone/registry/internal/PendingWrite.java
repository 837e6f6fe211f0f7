package io.meshbone.registry.internal;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/** One caller's write waiting for the writer thread: how to decide it, and the answer the caller waits for. */
final class PendingWrite<T> {

    private final Function<RegistryState, StoreWrite<T>> decide;
    private static final int WAITING = 0;
    private static final int TAKEN = 1;
    private static final int ABANDONED = 2;

    private final CompletableFuture<T> answer = new CompletableFuture<>();
    /** A caller that gave up before the writer took its write must not have it committed behind its back. */
    private final AtomicInteger stage = new AtomicInteger(WAITING);

    PendingWrite(Function<RegistryState, StoreWrite<T>> decide) {
        this.decide = decide;
    }

    /**
     * Decides this write against {@code view}, adds its records to {@code records} and, when {@code applyToView}, applies
     * them to the view so the next write of the batch sees them; returns what completes the caller once the records
     * are committed (its answer or its error, which adds no records).
     */
    Runnable decide(RegistryState view, List<StoreWrite.StoreRecord> records, boolean applyToView) {
        if (stage.compareAndExchange(WAITING, TAKEN) == ABANDONED) {
            return () -> { };
        }
        StoreWrite<T> write;
        try {
            write = decide.apply(view);
        } catch (RuntimeException e) {
            return () -> fail(e);
        } catch (StackOverflowError e) {
            // A schema nested deeper than the parser's stack: this write's fault, not the writer thread's.
            return () -> fail(Errors.invalidSchema("the schema is nested too deeply to parse"));
        }
        records.addAll(write.records());
        if (applyToView) {
            write.records().forEach(record -> StoreCodec.apply(record.key(), record.value(), view));
        }
        return () -> answer.complete(write.result());
    }

    void fail(RuntimeException error) {
        answer.completeExceptionally(error);
    }

    T await(Duration timeout) {
        try {
            return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Errors.operationTimeout("Interrupted while waiting for the schemas writer", e);
        } catch (TimeoutException e) {
            if (stage.compareAndSet(WAITING, ABANDONED)) {
                throw Errors.operationTimeout("The schemas writer did not answer within " + timeout.toSeconds()
                        + " s; the write was not made", e);
            }
            throw Errors.operationTimeout("The schemas writer did not answer within " + timeout.toSeconds()
                    + " s; the write may still be committed", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure
                    : Errors.storeError("Write to the Kafka store failed", e.getCause());
        }
    }
}
