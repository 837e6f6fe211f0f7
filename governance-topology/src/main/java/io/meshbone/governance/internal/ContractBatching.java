package io.meshbone.governance.internal;

import java.time.Duration;

/**
 * How the contract gate gathers pending requests into batches.
 *
 * @param interval how often pending requests are decided (wall-clock), so a lone request waits at most about this
 * @param limit    decide at once when this many are pending, so a burst does not wait for the interval
 * @param deciders how many requests of a batch are decided at once (each waits mostly for the registry)
 */
public record ContractBatching(Duration interval, int limit, int deciders) {

    /** 10 ms, 64 requests, 16 at once: the defaults. */
    public static final ContractBatching DEFAULT = new ContractBatching(Duration.ofMillis(10), 64, 16);

    public ContractBatching {
        if (interval.isNegative() || interval.isZero() || limit < 1 || deciders < 1) {
            throw new IllegalArgumentException("contract batching: expected a positive interval, limit and deciders, got "
                    + interval + ", " + limit + ", " + deciders);
        }
    }
}
