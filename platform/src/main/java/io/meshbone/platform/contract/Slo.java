package io.meshbone.platform.contract;

import java.time.Duration;
import java.util.Objects;

/**
 * The service levels a product promises its consumers.
 *
 * @param freshness the longest time between an upstream change and its record on the product topic
 */
public record Slo(Duration freshness) {
    public Slo {
        Objects.requireNonNull(freshness, "freshness");
    }
}
