package io.meshbone.domains.shipping;

import io.meshbone.domains.dsl.MeshStreams;
import io.meshbone.domains.dsl.ProductCatalog;
import io.meshbone.schemas.customers.CustomerProfile;
import io.meshbone.schemas.orders.OrderPlaced;
import io.meshbone.schemas.shipping.DeliveryRequest;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Joined;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Named;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Joins {@code orders.order-placed} with {@code customers.customer-profile} into {@code shipping.delivery-request}:
 * a stream-table join, so each order meets its customer's profile as it is when the order arrives.
 *
 * <p>An order whose customer has no profile (never created, or deleted) yields no request and a warning.
 */
public final class DeliveryRequests {

    public static final String APPLICATION_ID = "shipping-delivery-requests";
    static final String PRODUCT = "shipping.delivery-request";

    private static final Logger log = LoggerFactory.getLogger(DeliveryRequests.class);

    private DeliveryRequests() {
    }

    static Topology topology(ProductCatalog catalog) {
        StreamsBuilder builder = new StreamsBuilder();
        MeshStreams mesh = MeshStreams.on(builder, catalog);

        KTable<String, CustomerProfile> customers = mesh.table("customers.customer-profile");
        KStream<String, DeliveryRequest> requests = mesh.<String, OrderPlaced>from("orders.order-placed")
                // Profiles are keyed by customer id, so orders are re-keyed (and repartitioned) by it to meet them.
                .selectKey((orderId, order) -> order.getCustomerId().toString(), Named.as(PRODUCT + "-by-customer"))
                // A left join lets an order without a profile be reported instead of vanishing.
                .leftJoin(customers, DeliveryRequests::request,
                        Joined.with(Serdes.String(), mesh.stateSerde("orders.order-placed"),
                                mesh.stateSerde("customers.customer-profile"), PRODUCT + "-join-customer-profile"))
                .filter((customerId, request) -> request != null, Named.as(PRODUCT + "-with-customer"))
                // The product is keyed by the order to deliver.
                .selectKey((customerId, request) -> request.getOrderId().toString(), Named.as(PRODUCT + "-by-order"));
        mesh.to(requests, PRODUCT);
        return builder.build();
    }

    static DeliveryRequest request(OrderPlaced order, CustomerProfile customer) {
        if (customer == null) {
            log.warn("no delivery request for order {}: its customer has no profile", order.getOrderId());
            return null;
        }
        return DeliveryRequest.newBuilder()
                .setDeliveryId("delivery-" + order.getOrderId())
                .setOrderId(order.getOrderId())
                .setCustomerId(order.getCustomerId())
                .setRecipientName(customer.getFullName())
                .setEmail(customer.getEmail())
                .setCountry(customer.getCountry())
                .setItemCount(order.getItemCount())
                .setRequestedAt(order.getPlacedAt())
                .build();
    }
}
