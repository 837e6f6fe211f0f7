package io.meshbone.domains.dsl.internal;

import io.meshbone.platform.lineage.LineageHeaders;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/** Replaces a record's inherited {@code mesh.*} headers with one {@code mesh.upstream} header. */
public final class UpstreamStamp<K, V> implements FixedKeyProcessor<K, V, V> {

    private final String upstream;
    private FixedKeyProcessorContext<K, V> context;

    public UpstreamStamp(String upstream) {
        this.upstream = upstream;
    }

    @Override
    public void init(FixedKeyProcessorContext<K, V> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<K, V> record) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            // The input's gate stamps describe the input record; the output's gate stamps its own.
            if (!header.key().startsWith("mesh.")) {
                headers.add(header);
            }
        }
        if (!upstream.isEmpty()) {
            LineageHeaders.put(headers, LineageHeaders.UPSTREAM, upstream);
        }
        context.forward(record.withHeaders(headers));
    }
}
