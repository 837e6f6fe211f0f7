package io.meshbone.platform.contract;

/** What a data product's records are: a stream of facts or the latest state of keyed entities. */
public enum ProductType {
    /** Immutable facts; the topic is deleted by retention. */
    EVENT,
    /** The latest state per key; the topic is compacted and needs a key. */
    ENTITY;

    /** The spelling used in descriptors: {@code event} or {@code entity}. */
    public String text() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
