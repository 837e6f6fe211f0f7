package io.meshbone.platform.contract;

import java.util.Locale;

/** Who may read a data product, from least to most protected. */
public enum Classification {
    PUBLIC,
    INTERNAL,
    CONFIDENTIAL,
    RESTRICTED;

    /** Whether fields tagged {@code PII} may appear in a product of this classification. */
    public boolean allowsPii() {
        return this == CONFIDENTIAL || this == RESTRICTED;
    }

    /** The spelling used in descriptors, e.g. {@code confidential}. */
    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }
}
