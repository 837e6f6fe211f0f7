package io.meshbone.domains.orders;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import io.meshbone.domains.dsl.MeshStreams;
import io.meshbone.domains.dsl.ProductCatalog;
import io.meshbone.domains.raw.CapturedOrderRows;
import io.meshbone.domains.raw.CurrencyCodes;
import io.meshbone.domains.raw.RawCheckout;
import io.meshbone.domains.raw.RawTopics;
import io.meshbone.domains.raw.RegionCodes;
import io.meshbone.platform.control.MeshJson;
import io.meshbone.schemas.orders.OrderPlaced;
import io.meshbone.schemas.orders.SalesChannel;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refines raw checkout events and captured rows of the operational orders table into {@code orders.order-placed}:
 * no test orders, no resent orders, ISO currencies, sales regions from a fixed list.
 */
public final class OrderRefinement {

    private static final Logger log = LoggerFactory.getLogger(OrderRefinement.class);

    public static final String APPLICATION_ID = "orders-refinement";
    static final String PRODUCT = "orders.order-placed";
    static final String DEDUP_STORE = PRODUCT + "-seen-orders";
    static final String CAPTURED_STORE = PRODUCT + "-captured-orders";
    /** Checkout retries resend an order within minutes; a day covers them with room to spare. */
    static final Duration DEDUP_WINDOW = Duration.ofHours(24);

    private OrderRefinement() {
    }

    static Topology topology(ProductCatalog catalog) {
        StreamsBuilder builder = new StreamsBuilder();
        MeshStreams mesh = MeshStreams.on(builder, catalog);
        builder.addStateStore(Stores.windowStoreBuilder(
                Stores.persistentWindowStore(DEDUP_STORE, DEDUP_WINDOW, DEDUP_WINDOW, false), Serdes.String(), Serdes.Long()));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(CAPTURED_STORE), Serdes.String(), Serdes.Long()));

        KStream<String, OrderPlaced> orders = mesh.raw(RawTopics.CHECKOUT)
                // Both paths get the same refinement, and dedup sees an order sent by either of them.
                .merge(capturedCheckouts(mesh, catalog), Named.as(PRODUCT + "-merge-captured"))
                // Records without a body or order id cannot become an order; the gate would reject them anyway.
                .filter((orderId, checkout) -> checkout != null && orderId != null && orderId.equals(checkout.orderId()),
                        Named.as(PRODUCT + "-keyed-by-order"))
                // Without a customer, time or total there is no order to place; the app names what is missing and goes on.
                .filter(OrderRefinement::complete, Named.as(PRODUCT + "-complete-checkouts"))
                // The shop's smoke tests are not sales.
                .filterNot((orderId, checkout) -> checkout.test(), Named.as(PRODUCT + "-drop-test-orders"))
                // Checkout retries resend an order; only its first sighting within the window is a new order.
                .processValues(() -> new FirstInWindow<RawCheckout>(DEDUP_STORE, DEDUP_WINDOW), Named.as(PRODUCT + "-dedup"),
                        DEDUP_STORE)
                // Currency codes arrive padded, in any case, or as symbols; the product speaks ISO 4217.
                .mapValues(OrderRefinement::orderPlaced, Named.as(PRODUCT + "-refine"));
        mesh.to(orders, PRODUCT);
        return builder.build();
    }

    /** Orders placed in the operational database, as checkouts keyed (and partitioned) by order id. */
    private static KStream<String, RawCheckout> capturedCheckouts(MeshStreams mesh, ProductCatalog catalog) {
        return mesh.raw(CapturedOrderRows.topic(catalog))
                // An update or delete changes an order already placed; only inserts and snapshot reads are new orders.
                .filter((key, row) -> CapturedOrderRows.placesAnOrder(row), Named.as(PRODUCT + "-captured-placements"))
                // A row without a usable required column cannot become an order; it is logged and dropped.
                .flatMapValues(row -> CapturedOrderRows.checkout(row).stream().toList(),
                        Named.as(PRODUCT + "-captured-checkouts"))
                // The captured key repeats the order_id column; as a String it partitions like the JSON checkouts.
                .selectKey((key, checkout) -> checkout.orderId(), Named.as(PRODUCT + "-captured-key-by-order"))
                // The topic is partitioned by the Avro key's bytes; dedup needs each order id in one task.
                .repartition(Repartitioned.<String, RawCheckout>as(PRODUCT + "-captured-by-order")
                        .withKeySerde(Serdes.String()).withValueSerde(MeshJson.serde(RawCheckout.class))
                        .withNumberOfPartitions(RawTopics.PARTITIONS))
                // A re-snapshot (a lost slot or offsets) reads every row again, long after the dedup window: a row
                // places its order once, ever. The store grows with the table, as the table itself does.
                .processValues(() -> new FirstSighting<RawCheckout>(CAPTURED_STORE), Named.as(PRODUCT + "-captured-once"),
                        CAPTURED_STORE);
    }

    private static boolean complete(String orderId, RawCheckout checkout) {
        List<String> missing = checkout.missingFields();
        if (!missing.isEmpty()) {
            log.warn("dropping checkout {}: no value for {}", orderId, missing);
        }
        return missing.isEmpty();
    }

    static OrderPlaced orderPlaced(RawCheckout checkout) {
        return OrderPlaced.newBuilder()
                .setOrderId(checkout.orderId())
                .setCustomerId(checkout.customerId())
                .setPlacedAt(checkout.at())
                .setCurrency(CurrencyCodes.normalise(checkout.currency()))
                .setTotalAmount(checkout.total().setScale(2, java.math.RoundingMode.HALF_EVEN))
                .setItemCount(checkout.items())
                .setChannel(channel(checkout.channel()))
                .setRegion(RegionCodes.normalise(checkout.region()))
                .build();
    }

    private static SalesChannel channel(String raw) {
        if (raw == null) {
            return SalesChannel.WEB;
        }
        return switch (raw.strip().toUpperCase(Locale.ROOT)) {
            case "MOBILE", "APP" -> SalesChannel.MOBILE;
            case "STORE", "POS" -> SalesChannel.STORE;
            default -> SalesChannel.WEB;
        };
    }
}
