package io.meshbone.governance.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.meshbone.platform.contract.ProductNames;
import io.meshbone.platform.lineage.LineageHeaders;
import io.meshbone.platform.control.ListedProduct;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Judges each staged record and stamps it: lineage headers when it passes, error headers when not.
 *
 * <p>Every record is forwarded exactly once, to the product topic or the dead-letter topic (the
 * {@link GateRouter} reads the headers), so records in = records out + records dead-lettered.
 */
public final class GateProcessor implements Processor<byte[], byte[], byte[], byte[]> {

    // Listings are JSON in the store; reading one per record would cost more than all the checks.
    private static final long LISTING_REFRESH_NANOS = 1_000_000_000L;

    private final String listingStoreName;
    private final GatedProducts products;
    private final RecordChecks checks;
    private final Map<String, Optional<ProductNames>> stagingTopics = new HashMap<>();
    private final Map<String, CachedListing> cachedListings = new HashMap<>();
    private ProcessorContext<byte[], byte[]> context;
    private KeyValueStore<String, ListedProduct> listings;
    private long lastTimestampMillis = -1;
    private byte[] lastTimestamp;

    public GateProcessor(String listingStoreName, GatedProducts products, SchemaLookup schemas) {
        this.listingStoreName = listingStoreName;
        this.products = products;
        this.checks = new RecordChecks(schemas);
    }

    @Override
    public void init(ProcessorContext<byte[], byte[]> context) {
        this.context = context;
        this.listings = context.getStateStore(listingStoreName);
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        RecordMetadata source = context.recordMetadata().orElseThrow();
        String sourceRef = LineageHeaders.source(source.topic(), source.partition(), source.offset());
        Headers headers = record.headers();
        LineageHeaders.put(headers, LineageHeaders.SOURCE, sourceRef);

        Optional<ProductNames> staging = stagingTopics.computeIfAbsent(source.topic(), ProductNames::ofStagingTopic);
        ListedProduct listing = staging.map(topic -> listing(topic.productName())).orElse(null);
        if (listing == null || listing.retired()) {
            reject(record, GateError.PRODUCT_NOT_LISTED, "no listed product owns staging topic " + source.topic());
            return;
        }
        GatedProduct product = products.forListing(listing);
        if (product.names().major() != staging.get().major()) {
            reject(record, GateError.PRODUCT_NOT_LISTED, "staging topic " + source.topic() + " is generation v"
                    + staging.get().major() + " but " + listing.name() + " is listed at v" + product.names().major());
            return;
        }
        product.recordsIn().increment();
        Verdict verdict = checks.check(product, record.key(), record.value());
        if (!verdict.passed()) {
            product.dlq(verdict.error()).increment();
            reject(record, verdict.error(), verdict.reason());
            return;
        }
        LineageHeaders.put(headers, LineageHeaders.PRODUCT, product.headerValues().product());
        LineageHeaders.put(headers, LineageHeaders.DOMAIN, product.headerValues().domain());
        if (verdict.schemaId() >= 0) {
            LineageHeaders.put(headers, LineageHeaders.SCHEMA_ID, product.headerValues().schemaId(verdict.schemaId()));
        }
        // A domain app that derived the record already named its inputs; otherwise the contract's inputs stand.
        if (headers.lastHeader(LineageHeaders.UPSTREAM) == null && product.headerValues().upstream() != null) {
            LineageHeaders.put(headers, LineageHeaders.UPSTREAM, product.headerValues().upstream());
        }
        long now = System.currentTimeMillis();
        LineageHeaders.put(headers, LineageHeaders.GATE_TIMESTAMP, gateTimestamp(now));
        product.latency().record(Math.max(0, now - record.timestamp()), TimeUnit.MILLISECONDS);
        product.recordsOut().increment();
        context.forward(record);
    }

    // Formatting an instant per record shows up in profiles; records within one millisecond share it.
    private byte[] gateTimestamp(long millis) {
        if (millis != lastTimestampMillis) {
            lastTimestampMillis = millis;
            lastTimestamp = Instant.ofEpochMilli(millis).toString().getBytes(StandardCharsets.UTF_8);
        }
        return lastTimestamp;
    }

    /** The product's listing as of at most a second ago: a new version takes effect within a second. */
    private ListedProduct listing(String product) {
        long now = System.nanoTime();
        CachedListing cached = cachedListings.get(product);
        if (cached == null || now - cached.readAt() > LISTING_REFRESH_NANOS) {
            cached = new CachedListing(listings.get(product), now);
            cachedListings.put(product, cached);
        }
        return cached.listing();
    }

    private record CachedListing(ListedProduct listing, long readAt) {
    }

    private void reject(Record<byte[], byte[]> record, GateError error, String reason) {
        LineageHeaders.put(record.headers(), LineageHeaders.ERROR_CODE, error.name());
        LineageHeaders.put(record.headers(), LineageHeaders.ERROR_REASON, reason);
        context.forward(record);
    }
}
