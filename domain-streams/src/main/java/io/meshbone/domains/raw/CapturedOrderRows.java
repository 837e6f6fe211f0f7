package io.meshbone.domains.raw;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.meshbone.domains.dsl.ProductCatalog;
import io.meshbone.domains.dsl.TopicSpec;
import io.meshbone.platform.serde.MeshAvroSerde;
import io.meshbone.platform.serde.MeshAvroSerdeConfig;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rows of the operational {@code orders} table as the Debezium source captures them on
 * {@link RawTopics#CAPTURED_ORDERS}: registry Avro, unwrapped to the row's columns plus Debezium's {@code __op} and
 * {@code __deleted}, event time from {@code placed_at}. The table's DDL is {@code connectors/scripts/orders-table.sql}.
 */
public final class CapturedOrderRows {

    private static final Logger log = LoggerFactory.getLogger(CapturedOrderRows.class);
    /** Debezium's ops for an inserted row and a row read by the initial snapshot. */
    private static final Set<String> PLACING_OPS = Set.of("c", "r");

    private CapturedOrderRows() {
    }

    /**
     * The captured topic with a generic Avro value serde on the catalog's registry. Keys are read as bytes: the
     * Avro key {@code {order_id}} repeats a column of the row, which is re-keyed from its value.
     */
    public static TopicSpec<byte[], GenericRecord> topic(ProductCatalog catalog) {
        Serde<GenericRecord> values = new MeshAvroSerde<>(catalog.registry());
        values.configure(Map.of(
                MeshAvroSerdeConfig.SCHEMA_REGISTRY_URL, catalog.registryUrl(),
                // The connector's converter registers the row schemas; the app only reads them.
                MeshAvroSerdeConfig.AUTO_REGISTER_SCHEMAS, false), false);
        return new TopicSpec<>(RawTopics.CAPTURED_ORDERS, Serdes.ByteArray(), values, CapturedOrderRows::eventTime);
    }

    /** Whether the row records a new order: an insert or a snapshot read, not an update or a delete. */
    public static boolean placesAnOrder(GenericRecord row) {
        if (row == null) {
            return false;
        }
        RowColumns columns = new RowColumns(row);
        return PLACING_OPS.contains(columns.optionalText("__op")) && !"true".equals(columns.optionalText("__deleted"));
    }

    /**
     * The row as a checkout (never a test order), or empty with a WARN naming the order id and the columns at
     * fault when a required column has no usable value.
     */
    public static Optional<RawCheckout> checkout(GenericRecord row) {
        RowColumns columns = new RowColumns(row);
        String orderId = columns.text("order_id");
        String customerId = columns.text("customer_id");
        Instant placedAt = columns.instant("placed_at");
        String currency = columns.text("currency");
        BigDecimal total = columns.decimal("total_amount");
        Integer items = columns.integer("item_count");
        String channel = columns.text("channel");
        if (!columns.unusable().isEmpty()) {
            log.warn("dropping captured order {}: no usable value in column(s) {}", orderId, columns.unusable());
            return Optional.empty();
        }
        return Optional.of(new RawCheckout(orderId, customerId, placedAt, currency, total, items, channel, false,
                columns.optionalText("region")));
    }

    private static long eventTime(ConsumerRecord<Object, Object> record, long partitionTime) {
        if (record.value() instanceof GenericRecord row) {
            Instant placedAt = new RowColumns(row).instant("placed_at");
            if (placedAt != null) {
                return placedAt.toEpochMilli();
            }
        }
        return record.timestamp() >= 0 ? record.timestamp() : partitionTime;
    }
}
