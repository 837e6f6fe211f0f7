package io.meshbone.governance.internal;

import java.util.HashMap;
import java.util.Map;

import io.meshbone.platform.lineage.LineageHeaders;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/** What the access and domain gates share: reading a whole store, and naming the record being decided. */
final class ControlStores {

    private ControlStores() {
    }

    static <V> Map<String, V> all(KeyValueStore<String, V> store) {
        Map<String, V> all = new HashMap<>();
        try (KeyValueIterator<String, V> it = store.all()) {
            it.forEachRemaining(entry -> all.put(entry.key, entry.value));
        }
        return all;
    }

    /** {@code topic/partition/offset} of the record in hand, for an id when the record has none of its own. */
    static String source(ProcessorContext<?, ?> context) {
        RecordMetadata at = context.recordMetadata().orElseThrow();
        return LineageHeaders.source(at.topic(), at.partition(), at.offset());
    }
}
