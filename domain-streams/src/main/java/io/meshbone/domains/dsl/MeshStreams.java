package io.meshbone.domains.dsl;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import io.meshbone.domains.dsl.internal.AppCodeExceptionHandler;
import io.meshbone.domains.dsl.internal.ProductSerdes;
import io.meshbone.domains.dsl.internal.UnreadableRecordHandler;
import io.meshbone.domains.dsl.internal.UpstreamStamp;
import io.meshbone.platform.contract.DataProduct;
import io.meshbone.platform.contract.ProductNames;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * A thin layer over a {@link StreamsBuilder} that reads and publishes data products by name.
 *
 * <p>{@link #from} and {@link #table} read a product's topic (the listed major version) with its registry
 * serdes; {@link #to} writes to the product's staging topic, so the record gate still checks every record,
 * and stamps {@code mesh.upstream} with the products this topology read. Processors, stores and
 * repartition topics it creates are named after the products, so their names stay stable across releases.
 */
public final class MeshStreams {

    private final StreamsBuilder builder;
    private final ProductCatalog catalog;
    private final Map<String, TopicSpec<?, ?>> productTopics = new HashMap<>();
    private final Set<String> upstream = new LinkedHashSet<>();

    private MeshStreams(StreamsBuilder builder, ProductCatalog catalog) {
        this.builder = builder;
        this.catalog = catalog;
    }

    /** A mesh view of {@code builder}, resolving products in {@code catalog}. */
    public static MeshStreams on(StreamsBuilder builder, ProductCatalog catalog) {
        return new MeshStreams(builder, catalog);
    }

    /** The builder underneath, for everything that is plain Kafka Streams. */
    public StreamsBuilder builder() {
        return builder;
    }

    /** The topic of a product's listed major version, with its registry serdes (keys as the contract says). */
    @SuppressWarnings("unchecked")
    public <K, V> TopicSpec<K, V> product(String productName) {
        return (TopicSpec<K, V>) productTopics.computeIfAbsent(productName,
                name -> ProductSerdes.topic(catalog.product(name), catalog));
    }

    /** Reads a product's records as a stream; its name joins the upstream of every product {@link #to} publishes. */
    public <K, V> KStream<K, V> from(String productName) {
        TopicSpec<K, V> topic = product(productName);
        upstream.add(productName);
        return builder.stream(topic.name(), topic.consumed());
    }

    /** Reads an entity product as a table, materialized in a store named {@code <product>-store}. */
    public <K, V> KTable<K, V> table(String productName) {
        TopicSpec<K, V> topic = product(productName);
        upstream.add(productName);
        Materialized<K, V, KeyValueStore<Bytes, byte[]>> store = Materialized.<K, V, KeyValueStore<Bytes, byte[]>>as(productName + "-store")
                .withKeySerde(ProductSerdes.state(topic.name(), topic.keySerde()))
                .withValueSerde(ProductSerdes.state(topic.name(), topic.valueSerde()));
        // Read as a stream first: builder.table would store with the registry serdes of Consumed, and the app's
        // changelog topic has no subject of its own.
        return builder.stream(topic.name(), topic.consumed()).toTable(Named.as(productName + "-table"), store);
    }

    /** Reads a topic outside the mesh, such as a domain's raw events; it adds nothing to {@code mesh.upstream}. */
    public <K, V> KStream<K, V> raw(TopicSpec<K, V> topic) {
        return builder.stream(topic.name(), topic.consumed());
    }

    /**
     * Publishes {@code stream} to the product's staging topic, its {@code mesh.upstream} header naming every
     * product read before this call; other inherited {@code mesh.*} headers are dropped, the gate stamps its own.
     */
    public <K, V> void to(KStream<K, V> stream, String productName) {
        DataProduct product = catalog.product(productName);
        TopicSpec<K, V> topic = product(productName);
        String staging = ProductNames.of(product).stagingTopic();
        stream.processValues(() -> new UpstreamStamp<K, V>(String.join(",", upstream)), Named.as(productName + "-lineage"))
                .to(staging, topic.produced().withName(productName + "-staging-sink"));
    }

    /**
     * The serde for keeping a product's values in this app's state stores and repartition topics. Each stored
     * record carries the registry id of its writer schema (the product subject's), so the app still reads its
     * state after the product's schema evolved compatibly and the app's generated class changed with it.
     */
    public <V> Serde<V> stateSerde(String productName) {
        TopicSpec<?, V> topic = product(productName);
        return ProductSerdes.state(topic.name(), topic.valueSerde());
    }

    /**
     * The defaults every domain app runs with: {@code exactly_once_v2}; an input record that cannot be read, or that
     * the app's own code throws on, is logged with its topic, partition and offset, counted in the task's
     * {@code dropped-records-total}, and skipped. An unreachable schema registry or an exception from Kafka itself
     * fails the stream thread instead ({@link UnreadableRecordHandler}, {@link AppCodeExceptionHandler}); the record
     * is read again only if the app replaces failed threads, as {@code DomainApps} does (after a backoff, a bounded
     * number of times). An {@link Error} thrown while deserializing a product record counts as unreadable: the
     * product serdes turn it into a {@code SerializationException}.
     */
    public static Properties streamsConfig(String applicationId, String bootstrapServers, Path stateDir) {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, UnreadableRecordHandler.class);
        config.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, AppCodeExceptionHandler.class);
        // Streams' consumer stays in its group on close by default (close(CloseOptions.leaveGroup) only removes static
        // members), so a restarted app got its partitions only after the 45 s session timeout; leaving hands them over
        // at once. The name is the consumer's internal ConsumerConfig.LEAVE_GROUP_ON_CLOSE_CONFIG, which is not public.
        config.put(StreamsConfig.mainConsumerPrefix("internal.leave.group.on.close"), true);
        return config;
    }
}
