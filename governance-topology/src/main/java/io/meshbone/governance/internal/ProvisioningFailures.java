package io.meshbone.governance.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import org.apache.kafka.common.utils.ExponentialBackoff;

/**
 * The products the provisioner could not provision: when each is retried (exponential backoff per product) and
 * which reason was last published, so a product failing the same way on every retry is reported once.
 */
public final class ProvisioningFailures {

    /** One second, doubling, up to five minutes between attempts at the same product. */
    static final ExponentialBackoff BACKOFF = new ExponentialBackoff(1_000, 2, 300_000, 0.2);

    private record Failure(long attempts, long retryAtNanos, String publishedReason) {
    }

    private final Map<String, Failure> failures = new HashMap<>();
    private final Clock clock;

    /** Nanosecond time source, replaceable in tests. */
    @FunctionalInterface
    public interface Clock {
        long nanoTime();
    }

    public ProvisioningFailures() {
        this(System::nanoTime);
    }

    public ProvisioningFailures(Clock clock) {
        this.clock = clock;
    }

    /** Records a failed attempt and returns the milliseconds until the product is due again. */
    public long failed(String product, String reason) {
        Failure previous = failures.get(product);
        long attempts = previous == null ? 0 : previous.attempts();
        long wait = BACKOFF.backoff(attempts);
        failures.put(product, new Failure(attempts + 1, clock.nanoTime() + wait * 1_000_000,
                previous == null ? null : previous.publishedReason()));
        return wait;
    }

    /** True, once, for each new reason a product fails with; the caller publishes it. */
    public boolean newReason(String product, String reason) {
        Failure failure = failures.get(product);
        if (failure == null || Objects.equals(failure.publishedReason(), reason)) {
            return false;
        }
        failures.put(product, new Failure(failure.attempts(), failure.retryAtNanos(), reason));
        return true;
    }

    public void succeeded(String product) {
        failures.remove(product);
    }

    public void forget(String product) {
        failures.remove(product);
    }

    public boolean failing(String product) {
        return failures.containsKey(product);
    }

    /** True unless the product failed and its backoff has not passed yet. */
    public boolean due(String product) {
        Failure failure = failures.get(product);
        return failure == null || clock.nanoTime() - failure.retryAtNanos() >= 0;
    }

    /** True when some failed product's backoff has passed. */
    public boolean anyDue() {
        long now = clock.nanoTime();
        return failures.values().stream().anyMatch(failure -> now - failure.retryAtNanos() >= 0);
    }
}
