package io.meshbone.governance.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.meshbone.platform.lineage.LineageHeaders;
import io.meshbone.platform.registry.SchemaRegistryException;
import io.meshbone.platform.control.ListedProduct;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Judges each staged record and stamps it: lineage headers when it passes, error headers when not.
 *
 * <p>Every record is forwarded exactly once, to the product topic or the dead-letter topic (the
 * {@link GateRouter} reads the headers), so records in = records out + records dead-lettered.
 */
public final class GateProcessor implements Processor<byte[], byte[], byte[], byte[]> {

    private static final Logger log = LoggerFactory.getLogger(GateProcessor.class);

    // Listings are JSON in the store; reading one per record would cost more than all the checks.
    private static final long LISTING_REFRESH_NANOS = 1_000_000_000L;

    private final String listingStoreName;
    private final GatedProducts products;
    private final RecordChecks checks;
    private final RecordLimits limits;
    private final Map<String, StagingTopic> stagingTopics = new HashMap<>();
    private final Map<String, CachedListing> cachedListings = new HashMap<>();
    private StagingTopic lastStagingTopic;
    private String lastListingProduct;
    private CachedListing lastListing;
    private ProcessorContext<byte[], byte[]> context;
    private KeyValueStore<String, ListedProduct> listings;
    private long lastTimestampMillis = -1;
    private Header lastTimestamp;

    public GateProcessor(String listingStoreName, GatedProducts products, SchemaLookup schemas, RecordLimits limits) {
        this.listingStoreName = listingStoreName;
        this.products = products;
        this.checks = new RecordChecks(schemas);
        this.limits = limits;
    }

    @Override
    public void init(ProcessorContext<byte[], byte[]> context) {
        this.context = context;
        this.listings = context.getStateStore(listingStoreName);
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        RecordMetadata source = context.recordMetadata().orElseThrow();
        StagingTopic staging = stagingTopic(source.topic());
        // The gate is the only writer of mesh.* headers: a forged (or replayed) mesh.error.code must not steer the router.
        ProducerHeaders producerHeaders = ProducerHeaders.of(record.headers());
        Header sourceHeader = ProducerHeaders.header(LineageHeaders.SOURCE, staging.source(source.partition(), source.offset()));

        if (staging.names().isEmpty()) {
            reject(record, producerHeaders, sourceHeader, GateError.PRODUCT_NOT_LISTED, "staging topic " + source.topic()
                    + " names a major version that is not an int without leading zeros; no product is listed at it");
            return;
        }
        CachedListing cached = listing(staging.productName());
        ListedProduct listing = cached.listing();
        if (listing == null || listing.retired()) {
            reject(record, producerHeaders, sourceHeader, GateError.PRODUCT_NOT_LISTED, "no listed product owns staging topic "
                    + source.topic());
            return;
        }
        GatedProduct product = cached.product;
        try {
            if (product == null) {
                product = products.forListing(listing);
                cached.product = product;
            }
        } catch (RuntimeException | Error e) {
            log.warn("The listing of {} (request {}) cannot be used to check records from {}", listing.name(), listing.requestId(),
                    sourceRef(source), e);
            reject(record, producerHeaders, sourceHeader, GateError.CHECK_FAILED, "the listing of " + listing.name()
                    + " cannot be used to check records: " + describe(e));
            return;
        }
        int stagingMajor = staging.names().get().major();
        if (product.names().major() != stagingMajor) {
            reject(record, producerHeaders, sourceHeader, GateError.PRODUCT_NOT_LISTED, "staging topic " + source.topic()
                    + " is generation v" + stagingMajor + " but " + listing.name() + " is listed at v"
                    + product.names().major());
            return;
        }
        Verdict verdict = judge(product, record, source);
        product.recordsIn().increment();
        if (!verdict.passed()) {
            deadLetter(product, record, producerHeaders, sourceHeader, verdict.error(), verdict.reason());
            return;
        }
        HeaderValues values = product.headerValues();
        long now = System.currentTimeMillis();
        // Stamped in place: the record's headers are its own copy, and a new list would be copied again by withHeaders.
        // A domain app that derived the record already named its inputs; otherwise the contract's inputs stand.
        Headers stamped = record.headers();
        long headersBound = producerHeaders.stamp(stamped, sourceHeader, values.product(), values.domain(), values.schemaId(verdict.schemaId()),
                producerHeaders.hasUpstream() ? null : values.upstream(),
                gateTimestamp(now));
        // Checked before forwarding: under exactly-once a send the broker refuses would abort the whole transaction.
        if (!RecordLimits.fits(record.key(), record.value(), headersBound, stamped, limits.productTopicBytes())) {
            int size = RecordLimits.batchBytes(record.key(), record.value(), stamped);
            // The dead letter's headers are built from what the producer sent, without the stamps just added.
            deadLetter(product, record, producerHeaders, sourceHeader, GateError.RECORD_TOO_LARGE, "with the gate's lineage headers"
                    + " the record is " + size + " bytes; product topic " + product.names().topic() + " takes at most "
                    + limits.productTopicBytes() + " (max.message.bytes)");
            return;
        }
        product.latency().record(Math.max(0, now - record.timestamp()), TimeUnit.MILLISECONDS);
        product.recordsOut().increment();
        context.forward(record);
    }

    /**
     * Runs the checks; whatever a library throws while checking one record (even an {@link Error}) is that record's
     * verdict, except a registry outage, which must hold the gate back rather than dead-letter.
     */
    private Verdict judge(GatedProduct product, Record<byte[], byte[]> record, RecordMetadata source) {
        try {
            return checks.check(product, record.key(), record.value());
        } catch (SchemaRegistryException e) {
            if (e.retriable()) {
                throw e;
            }
            return Verdict.reject(GateError.REGISTRY_REFUSED, "the schema registry refused a lookup with HTTP " + e.status()
                    + ": " + e.getMessage());
        } catch (RuntimeException | Error e) {
            log.warn("Checking the record at {} threw {}; dead-lettering it", sourceRef(source), e.getClass().getName());
            return Verdict.reject(GateError.CHECK_FAILED, "checking the record threw "
                    + ValueFreeReasons.of(describe(e), null, ""));
        }
    }

    // A task mostly sees runs of one staging topic's records: the last topic is answered without hashing.
    private StagingTopic stagingTopic(String topic) {
        StagingTopic last = lastStagingTopic;
        if (last == null || !last.topic().equals(topic)) {
            last = stagingTopics.computeIfAbsent(topic, StagingTopic::of);
            lastStagingTopic = last;
        }
        return last;
    }

    private static String sourceRef(RecordMetadata source) {
        return LineageHeaders.source(source.topic(), source.partition(), source.offset());
    }

    private static String describe(Throwable e) {
        return e.getClass().getName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    // Formatting an instant per record shows up in profiles; records within one millisecond share it (and its header,
    // as records of one product share theirs: a header is never changed once made).
    private Header gateTimestamp(long millis) {
        if (millis != lastTimestampMillis) {
            lastTimestampMillis = millis;
            lastTimestamp = ProducerHeaders.header(LineageHeaders.GATE_TIMESTAMP,
                    Instant.ofEpochMilli(millis).toString().getBytes(StandardCharsets.UTF_8));
        }
        return lastTimestamp;
    }

    /** The product's listing as of at most a second ago: a new version takes effect within a second. */
    private CachedListing listing(String product) {
        long now = System.nanoTime();
        // The name is the StagingTopic's own string: the same object for the same topic, so a run of one product's
        // records is answered without hashing it.
        CachedListing cached = product == lastListingProduct ? lastListing : cachedListings.get(product);
        if (cached == null || now - cached.readAt() > LISTING_REFRESH_NANOS) {
            cached = new CachedListing(listings.get(product), now);
            cachedListings.put(product, cached);
        }
        lastListingProduct = product;
        lastListing = cached;
        return cached;
    }

    /**
     * A listing read from the store, and the product compiled from it once asked for: until the next read the gate
     * neither looks the product up again nor compares request ids per record.
     */
    private static final class CachedListing {
        private final ListedProduct listing;
        private final long readAt;
        private GatedProduct product;

        CachedListing(ListedProduct listing, long readAt) {
            this.listing = listing;
            this.readAt = readAt;
        }

        ListedProduct listing() {
            return listing;
        }

        long readAt() {
            return readAt;
        }
    }

    private void deadLetter(GatedProduct product, Record<byte[], byte[]> record, ProducerHeaders producerHeaders, Header source,
                            GateError error, String reason) {
        product.dlq(error).increment();
        reject(record, producerHeaders, source, error, reason);
    }

    private void reject(Record<byte[], byte[]> record, ProducerHeaders producerHeaders, Header source, GateError error, String reason) {
        Headers headers = producerHeaders.with(source,
                ProducerHeaders.header(LineageHeaders.ERROR_CODE, error.name().getBytes(StandardCharsets.UTF_8)),
                ProducerHeaders.header(LineageHeaders.ERROR_REASON, DeadLetters.capped(reason).getBytes(StandardCharsets.UTF_8)));
        context.forward(DeadLetters.fitting(record.withHeaders(headers), limits.deadLetterBytes()));
    }
}
