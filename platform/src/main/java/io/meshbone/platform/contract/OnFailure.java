package io.meshbone.platform.contract;

import java.util.Locale;

/**
 * What the record gate does with a record that breaks a quality rule; it never drops one silently.
 */
public enum OnFailure {
    /** The record goes to the product's dead-letter topic with the rule in its headers. */
    DLQ,
    /** The record is published, and the failure is counted and logged. */
    WARN;

    /** The spelling used in descriptors, e.g. {@code dlq}. */
    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }
}
