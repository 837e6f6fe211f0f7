package io.meshbone.governance.internal;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * When the provisioner last reconciled each product, so its periodic resync skips the products a change reconciled
 * within the last interval: while thousands of new listings were being provisioned, every resync described again
 * every product created so far, a cost that grew with the listings on top of creating them.
 */
public final class ReconcileTimes {

    private final Map<String, Long> reconciledAt = new HashMap<>();
    private final long intervalNanos;
    private final ProvisioningFailures.Clock clock;

    public ReconcileTimes(Duration interval) {
        this(interval, System::nanoTime);
    }

    public ReconcileTimes(Duration interval, ProvisioningFailures.Clock clock) {
        this.intervalNanos = interval.toNanos();
        this.clock = clock;
    }

    /** Notes that {@code product}'s topics were just reconciled. */
    public void reconciled(String product) {
        reconciledAt.put(product, clock.nanoTime());
    }

    public void forget(String product) {
        reconciledAt.remove(product);
    }

    public void clear() {
        reconciledAt.clear();
    }

    /** True when {@code product} was never reconciled or not within the last interval. */
    public boolean resyncDue(String product) {
        Long at = reconciledAt.get(product);
        return at == null || clock.nanoTime() - at >= intervalNanos;
    }
}
