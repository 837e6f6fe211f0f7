package io.meshbone.domains.raw;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A checkout event from the shop, as JSON on {@code orders.raw-checkout}, keyed by order id.
 *
 * @param orderId    the shop's order id; checkout retries resend the same id
 * @param customerId the customer who checked out
 * @param at         when checkout accepted the order
 * @param currency   currency as the shop sent it: any case, padded, or a symbol such as {@code €}
 * @param total      total the customer pays, taxes included
 * @param items      number of items
 * @param channel    {@code web}, {@code mobile} or {@code store}, any case
 * @param test       true for the shop's own smoke-test orders
 * @param region     the shop's sales region as it sent it ({@code emea}, {@code EU}, …), or null
 */
public record RawCheckout(String orderId, String customerId, Instant at, String currency, BigDecimal total, int items,
                          String channel, boolean test, String region) implements RawEvent {

    /** The fields an order cannot be made without that this event lacks (currency, channel and region have fallbacks). */
    public List<String> missingFields() {
        List<String> missing = new ArrayList<>();
        if (customerId == null || customerId.isBlank()) {
            missing.add("customerId");
        }
        if (at == null) {
            missing.add("at");
        }
        if (total == null) {
            missing.add("total");
        }
        return missing;
    }
}
