package io.meshbone.governance.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.meshbone.platform.contract.ProductNames;
import io.meshbone.platform.control.MeshTopics;
import io.meshbone.platform.lineage.LineageHeaders;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.processor.RecordContext;
import org.apache.kafka.streams.processor.TopicNameExtractor;

/**
 * Sends a judged record to its product topic, or to the dead-letter topic when it carries an error code: the
 * product's own, or the mesh's {@link MeshTopics#UNLISTED_DLQ} when no listed product version owns the staging topic
 * (its {@code .dlq} was never provisioned, and writing to a missing topic would stall the gate).
 *
 * <p>The error code it reads is always the gate's own: {@link GateProcessor} strips every {@code mesh.*} header a
 * producer set before judging.
 */
public final class GateRouter implements TopicNameExtractor<byte[], byte[]> {

    private static final byte[] NOT_LISTED = GateError.PRODUCT_NOT_LISTED.name().getBytes(StandardCharsets.UTF_8);

    // One router serves every stream thread; a topic's destinations are worked out once.
    private final Map<String, Optional<ProductNames>> stagingTopics = new ConcurrentHashMap<>();

    @Override
    public String extract(byte[] key, byte[] value, RecordContext context) {
        Optional<ProductNames> staging = stagingTopics.computeIfAbsent(context.topic(), ProductNames::ofStagingTopic);
        Header error = context.headers().lastHeader(LineageHeaders.ERROR_CODE);
        // A topic that does not parse (a major beyond int) belongs to no product: the processor dead-lettered its records.
        if (staging.isEmpty() || error != null && Arrays.equals(error.value(), NOT_LISTED)) {
            return MeshTopics.UNLISTED_DLQ;
        }
        return error == null ? staging.get().topic() : staging.get().dlqTopic();
    }
}
