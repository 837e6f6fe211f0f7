package io.meshbone.domains.orders;

import java.util.Locale;
import java.util.Objects;

import io.meshbone.domains.dsl.MeshStreams;
import io.meshbone.domains.dsl.ProductCatalog;
import io.meshbone.domains.raw.RawStatus;
import io.meshbone.domains.raw.RawTopics;
import io.meshbone.schemas.orders.OrderPlaced;
import io.meshbone.schemas.orders.OrderState;
import io.meshbone.schemas.orders.OrderStatus;
import io.meshbone.schemas.payments.PaymentSettled;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps {@code orders.order-status}, one compacted record per order: PLACED from {@code orders.order-placed},
 * PAID from {@code payments.payment-settled}, and fulfilment states from the raw status events.
 */
public final class OrderStatusApp {

    public static final String APPLICATION_ID = "orders-status";
    static final String PRODUCT = "orders.order-status";

    private static final Logger log = LoggerFactory.getLogger(OrderStatusApp.class);

    private OrderStatusApp() {
    }

    static Topology topology(ProductCatalog catalog) {
        StreamsBuilder builder = new StreamsBuilder();
        MeshStreams mesh = MeshStreams.on(builder, catalog);

        // Checkout placing an order is its first state.
        KStream<String, OrderStatus> placed = mesh.<String, OrderPlaced>from("orders.order-placed")
                .mapValues(order -> new OrderStatus(order.getOrderId(), OrderState.PLACED, order.getPlacedAt(), null),
                        Named.as(PRODUCT + "-from-placed"));
        // A settled payment moves the order it paid for to PAID.
        KStream<String, OrderStatus> paid = mesh.<String, PaymentSettled>from("payments.payment-settled")
                .mapValues(payment -> new OrderStatus(payment.getOrderId(), OrderState.PAID, payment.getSettledAt(), null),
                        Named.as(PRODUCT + "-from-payments"));
        // Fulfilment reports everything after payment; unknown states are skipped with a warning.
        KStream<String, OrderStatus> fulfilled = mesh.raw(RawTopics.STATUS)
                .mapValues(OrderStatusApp::fromRaw, Named.as(PRODUCT + "-from-fulfilment"))
                .filter((orderId, status) -> status != null, Named.as(PRODUCT + "-known-states"));

        KStream<String, OrderStatus> latest = placed
                .merge(paid, Named.as(PRODUCT + "-merge-payments"))
                .merge(fulfilled, Named.as(PRODUCT + "-merge-fulfilment"))
                // All three sources are keyed by order id, so grouping needs no repartition.
                .groupByKey(Grouped.with(PRODUCT + "-by-order", Serdes.String(), mesh.stateSerde("orders.order-status")))
                // The newest state wins, whatever order the sources deliver in (a late PAID must not undo SHIPPED).
                .reduce((current, next) -> next.getUpdatedAt().isBefore(current.getUpdatedAt()) ? current : next,
                        Named.as(PRODUCT + "-newest"),
                        Materialized.<String, OrderStatus, KeyValueStore<Bytes, byte[]>>as(PRODUCT + "-store")
                                .withKeySerde(Serdes.String())
                                .withValueSerde(mesh.stateSerde("orders.order-status"))
                                .withCachingDisabled())
                .toStream(Named.as(PRODUCT + "-changes"));
        mesh.to(latest, PRODUCT);
        return builder.build();
    }

    static OrderStatus fromRaw(RawStatus raw) {
        if (raw == null || raw.status() == null || raw.at() == null) {
            return null;
        }
        OrderState state = switch (raw.status().strip().toUpperCase(Locale.ROOT)) {
            case "SHIPPED" -> OrderState.SHIPPED;
            case "DELIVERED" -> OrderState.DELIVERED;
            case "CANCELLED", "CANCELED" -> OrderState.CANCELLED;
            default -> null;
        };
        if (state == null) {
            log.warn("skipping status event of order {}: unknown status (expected SHIPPED, DELIVERED or CANCELLED)", raw.orderId());
            return null;
        }
        return new OrderStatus(raw.orderId(), state, raw.at(), state == OrderState.CANCELLED ? Objects.toString(raw.reason(), null) : null);
    }
}
