package io.meshbone.governance.internal;

/**
 * A contract request the gate has read but not yet decided, as it came: kept in the pending store so a commit between
 * reading a request and deciding it loses none (the input offset is committed with the store's changelog).
 *
 * @param key       the request record's key
 * @param value     the request record's value, unparsed (a malformed one is answered in its turn too)
 * @param timestamp the request record's timestamp, which its decision and listing carry
 * @param topic     where the request was read, for the id of an unreadable request's rejection
 * @param partition ditto
 * @param offset    ditto; also the request's place in the order of decisions
 */
public record PendingRequest(String key, byte[] value, long timestamp, String topic, int partition, long offset) {

    /** The pending store's key: the offset, zero-padded so the store's byte order is request order. */
    public String storeKey() {
        return storeKey(offset);
    }

    static String storeKey(long offset) {
        return String.format("%019d", offset);
    }
}
