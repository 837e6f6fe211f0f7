package io.meshbone.domains.raw;

import java.time.Instant;

/**
 * A fulfilment status change, as JSON on {@code orders.raw-status}, keyed by order id.
 *
 * @param orderId the order
 * @param status  {@code SHIPPED}, {@code DELIVERED} or {@code CANCELLED} (any case)
 * @param at      when the order entered the status
 * @param reason  why it was cancelled, or null
 */
public record RawStatus(String orderId, String status, Instant at, String reason) implements RawEvent {
}
