package io.meshbone.registry.internal;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/** One caller's write waiting for the writer thread: how to decide it, and the answer the caller waits for. */
final class PendingWrite<T> {

    private final Function<RegistryState, StoreWrite<T>> decide;
    private final CompletableFuture<T> answer = new CompletableFuture<>();

    PendingWrite(Function<RegistryState, StoreWrite<T>> decide) {
        this.decide = decide;
    }

    /**
     * Decides this write against {@code view}, adds its records to {@code records} and, when {@code applyToView}, applies
     * them to the view so the next write of the batch sees them; returns what completes the caller once the records
     * are committed (its answer or its error, which adds no records).
     */
    Runnable decide(RegistryState view, List<StoreWrite.StoreRecord> records, boolean applyToView) {
        StoreWrite<T> write;
        try {
            write = decide.apply(view);
        } catch (RuntimeException e) {
            return () -> fail(e);
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
            throw Errors.operationTimeout("The schemas writer did not answer within " + timeout.toSeconds() + " s", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure
                    : Errors.storeError("Write to the Kafka store failed", e.getCause());
        }
    }
}
