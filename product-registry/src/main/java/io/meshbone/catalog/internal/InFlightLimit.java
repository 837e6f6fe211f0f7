package io.meshbone.catalog.internal;

import java.util.Map;
import java.util.concurrent.Semaphore;

/**
 * Bounds how many requests of one kind run at once; beyond the bound a caller gets a 429 at once instead of a
 * thread and two Kafka clients more (each {@code POST /api/products} holds both for up to a minute).
 */
final class InFlightLimit {

    /** Concurrent {@code POST /api/products} calls allowed. */
    static final int APPLIES = 16;

    private final Semaphore permits;
    private final int max;
    private final String what;

    InFlightLimit(int max, String what) {
        this.permits = new Semaphore(max);
        this.max = max;
        this.what = what;
    }

    /** A permit to close when done, or a 429 {@link CatalogError} when {@code max} are in flight. */
    Permit acquire() {
        if (!permits.tryAcquire()) {
            throw new CatalogError(429, "Too many " + what + " in flight (at most " + max + "); retry shortly",
                    Map.of("maxInFlight", max));
        }
        return permits::release;
    }

    /** A held permit; closing it gives it back. */
    interface Permit extends AutoCloseable {
        @Override
        void close();
    }
}
