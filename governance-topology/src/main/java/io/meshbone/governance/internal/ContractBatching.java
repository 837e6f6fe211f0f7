package io.meshbone.governance.internal;

import java.time.Duration;

/**
 * How the contract gate gathers pending requests into batches.
 *
 * @param interval pending requests are decided once no request came for this long (wall-clock; or the oldest has
 *                 waited ten times this), so a lone request waits about this and a burst is gathered to its end
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
