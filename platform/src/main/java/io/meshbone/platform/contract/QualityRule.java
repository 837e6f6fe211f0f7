package io.meshbone.platform.contract;

import java.util.Objects;

/**
 * A named CEL expression over a record's {@code key} and {@code value} that must hold for every record.
 *
 * @param name      lower-kebab name, unique within the product
 * @param rule      the CEL expression; it evaluates to a bool
 * @param onFailure what the gate does with a record for which the rule is false
 */
public record QualityRule(String name, String rule, OnFailure onFailure) {
    public QualityRule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(onFailure, "onFailure");
    }
}
