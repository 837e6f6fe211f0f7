package io.meshbone.domains.orders;

import java.math.BigDecimal;
import java.time.Duration;

import io.meshbone.domains.dsl.MeshStreams;
import io.meshbone.domains.dsl.ProductCatalog;
import io.meshbone.platform.control.MeshJson;
import io.meshbone.schemas.orders.OrderPlaced;
import io.meshbone.schemas.orders.RevenueByHour;
import io.meshbone.schemas.orders.RevenueHour;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.EmitStrategy;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Pre-aggregates {@code orders.order-placed} into {@code orders.revenue-by-hour}: one final record per hour,
 * sales region and currency, once the hour and its grace period are over.
 *
 * <p>Orders later than the grace period are dropped by the window and counted in Kafka Streams'
 * {@code dropped-records-total} task metric (exported through Micrometer).
 */
public final class RevenueByHourApp {

    /**
     * Carries the product's major: a new major is a new topic generation, rebuilt from the input's retained orders,
     * not a consumer group and window store of the last generation resumed half-way through an hour.
     */
    public static final String APPLICATION_ID = "orders-revenue-by-hour-v2";
    static final String PRODUCT = "orders.revenue-by-hour";
    static final String INPUT = "orders.order-placed";
    static final Duration HOUR = Duration.ofHours(1);
    /** Shops upload offline store orders a few minutes late; ten minutes keeps them in their hour. */
    static final Duration GRACE = Duration.ofMinutes(10);

    private RevenueByHourApp() {
    }

    static Topology topology(ProductCatalog catalog) {
        StreamsBuilder builder = new StreamsBuilder();
        MeshStreams mesh = MeshStreams.on(builder, catalog);

        KStream<RevenueHour, RevenueByHour> hours = mesh.<String, OrderPlaced>from(INPUT)
                // Regions are reported apart, and amounts in different currencies do not add up.
                .groupBy((orderId, order) -> new RegionCurrency(order.getRegion().toString(), order.getCurrency().toString()),
                        Grouped.with(PRODUCT + "-by-region-and-currency", MeshJson.serde(RegionCurrency.class),
                                mesh.stateSerde("orders.order-placed")))
                // Hours in event time (placedAt); orders up to GRACE late still land in their hour.
                .windowedBy(TimeWindows.ofSizeAndGrace(HOUR, GRACE))
                // One record per closed hour, not an update per order: the product promises final figures.
                .emitStrategy(EmitStrategy.onWindowClose())
                .aggregate(RevenueByHourApp::empty, (cell, order, sum) -> add(sum, order), Named.as(PRODUCT + "-sum"),
                        Materialized.<RegionCurrency, RevenueByHour, WindowStore<Bytes, byte[]>>as(PRODUCT + "-store")
                                .withKeySerde(MeshJson.serde(RegionCurrency.class))
                                .withValueSerde(mesh.stateSerde("orders.revenue-by-hour")))
                .toStream(Named.as(PRODUCT + "-closed-hours"))
                // The product's key is the hour, region and currency, the same three fields the value carries.
                .map((window, sum) -> {
                    RegionCurrency cell = window.key();
                    RevenueHour key = new RevenueHour(window.window().startTime(), cell.region(), cell.currency());
                    return KeyValue.pair(key, RevenueByHour.newBuilder(sum).setHourStart(key.getHourStart())
                            .setRegion(cell.region()).setCurrency(cell.currency()).build());
                }, Named.as(PRODUCT + "-keyed-by-hour"));
        mesh.to(hours, PRODUCT);
        return builder.build();
    }

    private static RevenueByHour empty() {
        return new RevenueByHour(java.time.Instant.EPOCH, "", "", BigDecimal.ZERO.setScale(2), 0L);
    }

    private static RevenueByHour add(RevenueByHour sum, OrderPlaced order) {
        return RevenueByHour.newBuilder(sum)
                .setRevenue(sum.getRevenue().add(order.getTotalAmount()))
                .setOrderCount(sum.getOrderCount() + 1)
                .build();
    }
}
