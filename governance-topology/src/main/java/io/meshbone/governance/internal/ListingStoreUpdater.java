package io.meshbone.governance.internal;

import java.io.IOException;
import java.util.Optional;

import io.meshbone.platform.control.ListedProduct;
import io.meshbone.platform.control.MeshJson;
import io.meshbone.platform.control.MeshTopics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a global store equal to the compacted {@code _mesh.products} topic: put on a listing, delete on a tombstone.
 *
 * <p>It reads raw bytes and parses them itself: a record that is not a listing is skipped, counted in
 * {@code mesh.gate.control.records.skipped} and logged once, instead of failing the global thread for good.
 */
public final class ListingStoreUpdater implements Processor<String, byte[], Void, Void> {

    /** Control records the gate could not read as listings. */
    public static final String SKIPPED_METER = "mesh.gate.control.records.skipped";
    private static final Logger log = LoggerFactory.getLogger(ListingStoreUpdater.class);

    private final String storeName;
    private final Counter skipped;
    private ProcessorContext<Void, Void> context;
    private KeyValueStore<String, ListedProduct> store;

    public ListingStoreUpdater(String storeName, MeterRegistry meters) {
        this.storeName = storeName;
        this.skipped = meters.counter(SKIPPED_METER, "topic", MeshTopics.PRODUCTS);
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.context = context;
        store = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        if (record.key() == null) {
            skip("it has no key; expected the product name");
        } else if (record.value() == null) {
            store.delete(record.key());
        } else {
            ListedProduct listing = parse(record.value());
            if (listing == null) {
                return;
            }
            Optional<String> unusable = ListedProduct.unusableUnder(record.key(), listing);
            if (unusable.isPresent()) {
                skip(unusable.get());
            } else if (!listing.contract().valid()) {
                // The gate lists only valid contracts: this one was written by something else, and must not replace the
                // last good listing (every record of the product would be dead-lettered).
                skip("its contract does not parse");
            } else {
                store.put(record.key(), listing);
            }
        }
    }

    private ListedProduct parse(byte[] json) {
        ListedProduct listing;
        try {
            listing = MeshJson.read(json, ListedProduct.class);
        } catch (IOException | RuntimeException e) {
            // The message names the JSON position, never the payload.
            skip("it is not a ListedProduct as JSON (" + e.getClass().getSimpleName() + ")");
            return null;
        }
        if (listing == null) {
            skip("it is JSON null, not a listing");
        }
        return listing;
    }

    private void skip(String why) {
        skipped.increment();
        String where = context.recordMetadata()
                .map(m -> m.topic() + "/" + m.partition() + "/" + m.offset())
                .orElse("unknown position");
        log.warn("Skipping control record {}: {}", where, why);
    }
}
