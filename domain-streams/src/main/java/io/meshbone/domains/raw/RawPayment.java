package io.meshbone.domains.raw;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A payment provider callback, as JSON on {@code payments.raw-payments}, keyed by payment id.
 *
 * @param paymentId the provider's payment id
 * @param orderId   the order paid for
 * @param amount    the amount
 * @param currency  currency as the provider sent it
 * @param method    {@code card}, {@code bank_transfer} or {@code wallet}, any case
 * @param status    {@code AUTHORIZED}, {@code SETTLED} or {@code FAILED}
 * @param at        when the provider reached this status
 */
public record RawPayment(String paymentId, String orderId, BigDecimal amount, String currency, String method,
                         String status, Instant at) implements RawEvent {
}
