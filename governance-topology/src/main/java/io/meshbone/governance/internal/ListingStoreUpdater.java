package io.meshbone.governance.internal;

import io.meshbone.platform.control.ListedProduct;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/** Keeps a global store equal to the compacted {@code _mesh.products} topic: put on a listing, delete on a tombstone. */
public final class ListingStoreUpdater implements Processor<String, ListedProduct, Void, Void> {

    private final String storeName;
    private KeyValueStore<String, ListedProduct> store;

    public ListingStoreUpdater(String storeName) {
        this.storeName = storeName;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, ListedProduct> record) {
        if (record.value() == null) {
            store.delete(record.key());
        } else {
            store.put(record.key(), record.value());
        }
    }
}
