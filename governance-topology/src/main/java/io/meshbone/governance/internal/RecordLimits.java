package io.meshbone.governance.internal;

import io.meshbone.platform.control.MeshTopicPlans;
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

    /** The size of a one-record batch holding this record uncompressed, as the broker compares it with {@code max.message.bytes}. */
    public static int batchBytes(byte[] key, byte[] value, Headers headers) {
        return AbstractRecords.estimateSizeInBytesUpperBound(RecordBatch.CURRENT_MAGIC_VALUE, CompressionType.NONE, key, value,
                headers.toArray());
    }
}
