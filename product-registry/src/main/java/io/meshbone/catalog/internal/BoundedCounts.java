package io.meshbone.catalog.internal;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts by code, with at most {@link #MAX_CODES} distinct codes: codes first seen after that are counted under
 * {@link #OTHER}, because DLQ headers come from whatever the gate, or a producer before it, wrote.
 */
final class BoundedCounts {

    static final int MAX_CODES = 64;
    static final String OTHER = "OTHER";

    private final int maxCodes;
    private final Map<String, Long> counts = new ConcurrentHashMap<>();

    BoundedCounts() {
        this(MAX_CODES);
    }

    BoundedCounts(int maxCodes) {
        this.maxCodes = maxCodes;
    }

    /** Counts one more under {@code code}, or under {@link #OTHER} when the codes are full; returns the code used. */
    synchronized String increment(String code) {
        String counted = counts.containsKey(code) || counts.size() < maxCodes - 1 ? code : OTHER;
        counts.merge(counted, 1L, Long::sum);
        return counted;
    }

    Map<String, Long> snapshot() {
        return new TreeMap<>(counts);
    }
}
