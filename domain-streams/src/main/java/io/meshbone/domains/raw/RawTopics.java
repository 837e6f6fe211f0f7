package io.meshbone.domains.raw;

import java.util.List;

import io.meshbone.domains.dsl.TopicSpec;
import io.meshbone.platform.control.MeshJson;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * The raw domain topics the apps refine: JSON values, string keys, event time from the event's {@code at}; and
 * {@link #CAPTURED_ORDERS}, whose Avro rows {@link CapturedOrderRows} reads.
 */
public final class RawTopics {

    /** Partitions of each raw topic: the products' count, so raw and product partitions line up. */
    public static final int PARTITIONS = 6;

    private static final TimestampExtractor EVENT_TIME = RawTopics::eventTime;

    public static final TopicSpec<String, RawCheckout> CHECKOUT = spec("orders.raw-checkout", RawCheckout.class);
    public static final TopicSpec<String, RawStatus> STATUS = spec("orders.raw-status", RawStatus.class);
    public static final TopicSpec<String, RawProfileChange> PROFILE_CHANGES =
            spec("customers.raw-profile-changes", RawProfileChange.class);
    public static final TopicSpec<String, RawPayment> PAYMENTS = spec("payments.raw-payments", RawPayment.class);
    /** Rows of the operational orders table, captured by the Debezium source {@code orders-cdc-source}. */
    public static final String CAPTURED_ORDERS = "orders.raw.orders";

    private RawTopics() {
    }

    /** Every raw topic's name. */
    public static List<String> names() {
        return List.of(CHECKOUT.name(), STATUS.name(), PROFILE_CHANGES.name(), PAYMENTS.name(), CAPTURED_ORDERS);
    }

    private static <V> TopicSpec<String, V> spec(String name, Class<V> type) {
        return new TopicSpec<>(name, Serdes.String(), MeshJson.serde(type), EVENT_TIME);
    }

    private static long eventTime(ConsumerRecord<Object, Object> record, long partitionTime) {
        if (record.value() instanceof RawEvent event && event.at() != null) {
            return event.at().toEpochMilli();
        }
        return record.timestamp() >= 0 ? record.timestamp() : partitionTime;
    }
}
