package io.meshbone.domains.orders;

import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;

/** Forwards a key's first record and drops every later record of that key, however much later it comes. */
final class FirstSighting<V> implements FixedKeyProcessor<String, V, V> {

    private final String storeName;
    private FixedKeyProcessorContext<String, V> context;
    private KeyValueStore<String, Long> seen;

    FirstSighting(String storeName) {
        this.storeName = storeName;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, V> context) {
        this.context = context;
        this.seen = context.getStateStore(storeName);
    }

    @Override
    public void process(FixedKeyRecord<String, V> record) {
        if (seen.get(record.key()) != null) {
            return;
        }
        seen.put(record.key(), record.timestamp());
        context.forward(record);
    }
}
