package io.meshbone.domains.payments;

import java.math.RoundingMode;
import java.util.Locale;

import io.meshbone.domains.dsl.MeshStreams;
import io.meshbone.domains.dsl.ProductCatalog;
import io.meshbone.domains.raw.CurrencyCodes;
import io.meshbone.domains.raw.RawPayment;
import io.meshbone.domains.raw.RawTopics;
import io.meshbone.schemas.payments.PaymentMethod;
import io.meshbone.schemas.payments.PaymentSettled;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;

/** Publishes the settled payments among the raw provider callbacks as {@code payments.payment-settled}. */
public final class PaymentSettlement {

    public static final String APPLICATION_ID = "payments-settlement";
    static final String PRODUCT = "payments.payment-settled";

    private PaymentSettlement() {
    }

    static Topology topology(ProductCatalog catalog) {
        StreamsBuilder builder = new StreamsBuilder();
        MeshStreams mesh = MeshStreams.on(builder, catalog);

        KStream<String, PaymentSettled> settled = mesh.raw(RawTopics.PAYMENTS)
                // Only a settlement is a fact about money; authorisations and failures are provider chatter.
                .filter((paymentId, payment) -> payment != null && "SETTLED".equalsIgnoreCase(payment.status())
                        && payment.orderId() != null && method(payment.method()) != null, Named.as(PRODUCT + "-settled-only"))
                // The product is keyed by the order paid for, so order apps read it without a repartition.
                .map((paymentId, payment) -> KeyValue.pair(payment.orderId(), settled(payment)), Named.as(PRODUCT + "-by-order"));
        mesh.to(settled, PRODUCT);
        return builder.build();
    }

    static PaymentSettled settled(RawPayment payment) {
        return PaymentSettled.newBuilder()
                .setPaymentId(payment.paymentId())
                .setOrderId(payment.orderId())
                .setAmount(payment.amount().setScale(2, RoundingMode.HALF_EVEN))
                .setCurrency(CurrencyCodes.normalise(payment.currency()))
                .setMethod(method(payment.method()))
                .setSettledAt(payment.at())
                .build();
    }

    static PaymentMethod method(String raw) {
        if (raw == null) {
            return null;
        }
        return switch (raw.strip().toUpperCase(Locale.ROOT).replace('-', '_')) {
            case "CARD", "CREDIT_CARD", "DEBIT_CARD" -> PaymentMethod.CARD;
            case "BANK_TRANSFER", "SEPA" -> PaymentMethod.BANK_TRANSFER;
            case "WALLET", "PAYPAL" -> PaymentMethod.WALLET;
            default -> null;
        };
    }
}
