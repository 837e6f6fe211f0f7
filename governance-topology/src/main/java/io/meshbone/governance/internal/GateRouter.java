package io.meshbone.governance.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.meshbone.platform.lineage.LineageHeaders;
import org.apache.kafka.streams.processor.RecordContext;
import org.apache.kafka.streams.processor.TopicNameExtractor;

/** Sends a judged record to its product topic, or to the dead-letter topic when it carries an error code. */
public final class GateRouter implements TopicNameExtractor<byte[], byte[]> {

    // One router serves every stream thread; a topic's destinations are worked out once.
    private final Map<String, StagingTopics.StagingTopic> stagingTopics = new ConcurrentHashMap<>();

    @Override
    public String extract(byte[] key, byte[] value, RecordContext context) {
        StagingTopics.StagingTopic staging = stagingTopics.computeIfAbsent(context.topic(), topic -> StagingTopics.parse(topic)
                .orElseThrow(() -> new IllegalStateException("the gate read a non-staging topic: " + topic)));
        return context.headers().lastHeader(LineageHeaders.ERROR_CODE) == null
                ? staging.productTopic()
                : staging.dlqTopic();
    }
}
