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

    // One router serves every stream thread; a topic's destinations are worked out once (ProductNames builds them anew).
    private final Map<String, Destinations> stagingTopics = new ConcurrentHashMap<>();

    @Override
    public String extract(byte[] key, byte[] value, RecordContext context) {
        Destinations staging = stagingTopics.computeIfAbsent(context.topic(), Destinations::of);
        Header error = context.headers().lastHeader(LineageHeaders.ERROR_CODE);
        // A topic that does not parse (a major beyond int) belongs to no product: the processor dead-lettered its records.
        if (staging.productTopic() == null || error != null && Arrays.equals(error.value(), NOT_LISTED)) {
            return MeshTopics.UNLISTED_DLQ;
        }
        return error == null ? staging.productTopic() : staging.dlqTopic();
    }

    /** Where a staging topic's records go: both null when its name stands for no product version. */
    private record Destinations(String productTopic, String dlqTopic) {
        static Destinations of(String stagingTopic) {
            Optional<ProductNames> names = ProductNames.ofStagingTopic(stagingTopic);
            return new Destinations(names.map(ProductNames::topic).orElse(null), names.map(ProductNames::dlqTopic).orElse(null));
        }
    }
}
