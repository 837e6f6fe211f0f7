package io.meshbone.governance.internal;

import io.meshbone.platform.control.MeshTopicPlans;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.record.AbstractRecords;
import org.apache.kafka.common.record.CompressionType;
import org.apache.kafka.common.record.RecordBatch;

/**
 * How large a record the gate may write to a product topic and to a dead-letter topic, and a record's size as the
 * producer and broker count it.
 *
 * @param productTopicBytes the product topic's {@code max.message.bytes}
 * @param deadLetterBytes   the dead-letter topics' {@code max.message.bytes}, and the gate producer's {@code max.request.size}
 */
public record RecordLimits(int productTopicBytes, int deadLetterBytes) {

    /** The longest {@code mesh.error.reason}, in characters; longer reasons (which may quote a key) are cut. */
    public static final int MAX_REASON_CHARS = 2048;
    /** The limits the provisioner gives every product's topics. */
    public static final RecordLimits PROVISIONED = new RecordLimits(MeshTopicPlans.STAGING_MAX_MESSAGE_BYTES,
            MeshTopicPlans.DEAD_LETTER_MAX_MESSAGE_BYTES);

    // A record batch's header, and the most its one record's varints (length, attributes, timestamp and offset deltas,
    // key, value and header count) take beside the key's, value's and headers' own bytes.
    private static final int BATCH_AND_RECORD_OVERHEAD = 61 + 5 + 1 + 10 + 5 + 5 + 5 + 5;
    // A header's two length varints; a UTF-8 name takes at most three bytes per char.
    private static final int HEADER_OVERHEAD = 10;

    /**
     * True when a one-record batch of this record takes at most {@code limit} bytes. A bound from the array lengths
     * answers almost every record; only a record near the limit pays for Kafka's exact estimate.
     */
    public static boolean fits(byte[] key, byte[] value, Headers headers, int limit) {
        long headersBound = 0;
        for (Header header : headers) {
            headersBound += headerBound(header);
        }
        return fits(key, value, headersBound, headers, limit);
    }

    /** {@link #fits(byte[], byte[], Headers, int)} with the headers' {@link #headerBound}s already summed by their builder. */
    static boolean fits(byte[] key, byte[] value, long headersBound, Headers headers, int limit) {
        long bound = BATCH_AND_RECORD_OVERHEAD + (key == null ? 0 : key.length) + (value == null ? 0 : value.length) + headersBound;
        return bound <= limit || batchBytes(key, value, headers) <= limit;
    }

    /** The most bytes a header adds to a record: its two length varints, its name at three bytes a char, its value. */
    static long headerBound(Header header) {
        return HEADER_OVERHEAD + 3L * header.key().length() + (header.value() == null ? 0 : header.value().length);
    }

    /** The size of a one-record batch holding this record uncompressed, as the broker compares it with {@code max.message.bytes}. */
    public static int batchBytes(byte[] key, byte[] value, Headers headers) {
        return AbstractRecords.estimateSizeInBytesUpperBound(RecordBatch.CURRENT_MAGIC_VALUE, CompressionType.NONE, key, value,
                headers.toArray());
    }
}
