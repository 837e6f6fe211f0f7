package io.meshbone.governance.internal;

import io.meshbone.platform.lineage.LineageHeaders;
import org.apache.kafka.streams.processor.RecordContext;
import org.apache.kafka.streams.processor.TopicNameExtractor;

/** Sends a judged record to its product topic, or to the dead-letter topic when it carries an error code. */
public final class GateRouter implements TopicNameExtractor<byte[], byte[]> {

    @Override
    public String extract(byte[] key, byte[] value, RecordContext context) {
        StagingTopics.StagingTopic staging = StagingTopics.parse(context.topic())
                .orElseThrow(() -> new IllegalStateException("the gate read a non-staging topic: " + context.topic()));
        return context.headers().lastHeader(LineageHeaders.ERROR_CODE) == null
                ? staging.productTopic()
                : staging.dlqTopic();
    }
}
