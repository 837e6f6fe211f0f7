package io.meshbone.governance.internal;

import io.meshbone.platform.lineage.LineageHeaders;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Record;

/** Makes sure a dead letter can always be written, so no record can stall the gate. */
final class DeadLetters {

    private DeadLetters() {
    }

    /** The reason, cut to {@link RecordLimits#MAX_REASON_CHARS}: a reason may quote a key of any length. */
    static String capped(String reason) {
        if (reason.length() <= RecordLimits.MAX_REASON_CHARS) {
            return reason;
        }
        return reason.substring(0, RecordLimits.MAX_REASON_CHARS) + "… (cut from " + reason.length() + " characters)";
    }

    /**
     * The dead letter as is when it fits the dead-letter topic, else only its error and source headers.
     *
     * <p>DLQ topics take staging's limit plus an allowance, so this only happens to a staging topic the provisioner did
     * not make (an unlisted one, auto-created with a larger broker default): the staged record itself is still at
     * {@code mesh.source}.
     */
    static Record<byte[], byte[]> fitting(Record<byte[], byte[]> deadLetter, int limitBytes) {
        int size = RecordLimits.batchBytes(deadLetter.key(), deadLetter.value(), deadLetter.headers());
        if (size <= limitBytes) {
            return deadLetter;
        }
        Headers original = deadLetter.headers();
        Headers kept = new RecordHeaders();
        String reason = LineageHeaders.get(original, LineageHeaders.ERROR_REASON).orElse("");
        LineageHeaders.put(kept, LineageHeaders.SOURCE, LineageHeaders.get(original, LineageHeaders.SOURCE).orElse(""));
        LineageHeaders.put(kept, LineageHeaders.ERROR_CODE, LineageHeaders.get(original, LineageHeaders.ERROR_CODE).orElse(""));
        LineageHeaders.put(kept, LineageHeaders.ERROR_REASON, capped(reason) + "; the dead letter would be " + size
                + " bytes, over the dead-letter topic's " + limitBytes + ": its key, value and other headers are left out");
        return deadLetter.<byte[]>withKey(null).<byte[]>withValue(null).withHeaders(kept);
    }
}
