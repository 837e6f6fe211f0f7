package io.meshbone.registry.internal;

import java.util.List;

/**
 * What one write decides: the records to append to {@code _schemas} and the answer to return.
 *
 * @param records key and value pairs; a {@code null} value is a tombstone
 * @param result  the answer once the records are committed and read back
 */
record StoreWrite<T>(List<StoreRecord> records, T result) {

    static <T> StoreWrite<T> nothing(T result) {
        return new StoreWrite<>(List.of(), result);
    }

    static <T> StoreWrite<T> of(StoreRecord record, T result) {
        return new StoreWrite<>(List.of(record), result);
    }

    /** One record of the schemas topic. */
    record StoreRecord(String key, String value) {
    }
}
