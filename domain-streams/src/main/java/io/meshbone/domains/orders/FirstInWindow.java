package io.meshbone.domains.orders;

import java.time.Duration;

import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/** Forwards a key's first record and drops repeats of that key within a window of event time either side. */
final class FirstInWindow<V> implements FixedKeyProcessor<String, V, V> {

    private final String storeName;
    private final long windowMs;
    private FixedKeyProcessorContext<String, V> context;
    private WindowStore<String, Long> seen;

    FirstInWindow(String storeName, Duration window) {
        this.storeName = storeName;
        this.windowMs = window.toMillis();
    }

    @Override
    public void init(FixedKeyProcessorContext<String, V> context) {
        this.context = context;
        this.seen = context.getStateStore(storeName);
    }

    @Override
    public void process(FixedKeyRecord<String, V> record) {
        long time = record.timestamp();
        try (WindowStoreIterator<Long> earlier = seen.fetch(record.key(), time - windowMs, time + windowMs)) {
            if (earlier.hasNext()) {
                return;
            }
        }
        seen.put(record.key(), time, time);
        context.forward(record);
    }
}
