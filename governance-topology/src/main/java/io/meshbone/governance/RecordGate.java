package io.meshbone.governance;

import java.util.Properties;

import io.meshbone.governance.internal.GateProcessor;
import io.meshbone.governance.internal.GateRouter;
import io.meshbone.governance.internal.GatedProduct;
import io.meshbone.governance.internal.GatedProducts;
import io.meshbone.governance.internal.ListingStoreUpdater;
import io.meshbone.governance.internal.RecordLimits;
import io.meshbone.governance.internal.SchemaLookup;
import io.meshbone.platform.contract.ProductNames;
import io.meshbone.platform.control.ListedProduct;
import io.meshbone.platform.control.MeshJson;
import io.meshbone.platform.control.MeshTopics;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;

/**
 * The record gate: the data plane of governance, as a Kafka Streams topology.
 *
 * <p>It reads every listed product's staging topic, checks each record against the product's
 * contract and forwards it, body unchanged, to the product topic with lineage headers, or to the
 * product's dead-letter topic with the reason. It runs with {@code exactly_once_v2}, so a record
 * lands in exactly one of the two, exactly once, even across crashes.
 */
public final class RecordGate {

    /** The Streams application id, which names the gate's consumer group and internal topics. */
    /** The name the gate reports its health under. */
    public static final String PART = "record-gate";
    public static final String APPLICATION_ID = "meshbone-record-gate";
    /** The OpenLineage job name of the gate. */
    public static final String JOB_NAME = "meshbone.record-gate";
    static final String LISTING_STORE = "gate-listed-products";

    private RecordGate() {
    }

    /** The gate's topology with the limits the provisioner gives product and dead-letter topics. */
    static Topology topology(SchemaLookup schemas, MeterRegistry meters, java.util.function.Consumer<GatedProduct> onFirstUse) {
        return topology(schemas, meters, onFirstUse, RecordLimits.PROVISIONED);
    }

    /**
     * The gate's topology.
     *
     * @param schemas    finds the schema a record's id names under the product's subject
     * @param meters     where per-product meters are registered
     * @param onFirstUse called once per product version when its first record arrives (lineage)
     * @param limits     the largest record the product and dead-letter topics take
     */
    static Topology topology(SchemaLookup schemas, MeterRegistry meters, java.util.function.Consumer<GatedProduct> onFirstUse,
                             RecordLimits limits) {
        StreamsBuilder builder = new StreamsBuilder();
        GatedProducts products = new GatedProducts(meters, onFirstUse);
        // Every instance needs every listing: a global store keeps the whole registry topic locally. The updater
        // parses the bytes itself, so one malformed control record is skipped rather than failing the gate.
        builder.addGlobalStore(
                Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(LISTING_STORE), Serdes.String(),
                        MeshJson.serde(ListedProduct.class)).withLoggingDisabled(),
                MeshTopics.PRODUCTS,
                Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("gate-listings-source"),
                () -> new ListingStoreUpdater(LISTING_STORE, meters));
        // A pattern source picks up staging topics of products listed later, without a restart.
        builder.stream(ProductNames.STAGING_TOPIC, Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("gate-staging-source"))
                .process(() -> new GateProcessor(LISTING_STORE, products, schemas, limits), Named.as("gate-check"))
                .to(new GateRouter(), Produced.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("gate-route"));
        return builder.build();
    }

    /** Exactly-once Streams config for the gate on these brokers. */
    static Properties streamsConfig(String bootstrapServers, String stateDir) {
        Properties props = GateStreamsConfig.dataPlane(GateStreamsConfig.exactlyOnce(APPLICATION_ID, bootstrapServers, stateDir));
        // New staging topics are found on the consumer's metadata refresh: refresh every few seconds, not every 5 minutes.
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.METADATA_MAX_AGE_CONFIG), 3000);
        // A gate instance that dies is replaced within seconds, not after the default 45 s session timeout.
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 10_000);
        // A dead letter may be a staged record of staging's full size plus the error headers: the producer must take it.
        props.put(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG), RecordLimits.PROVISIONED.deadLetterBytes());
        return props;
    }
}
