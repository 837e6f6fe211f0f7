package io.meshbone.domains.payments;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;

import io.meshbone.domains.ExampleMesh;
import io.meshbone.domains.ExampleMeshTest;
import io.meshbone.domains.raw.RawPayment;
import io.meshbone.domains.raw.RawTopics;
import io.meshbone.schemas.payments.PaymentMethod;
import io.meshbone.schemas.payments.PaymentSettled;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PaymentSettlementTest extends ExampleMeshTest {

    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

    private TestInputTopic<String, RawPayment> raw;
    private TestOutputTopic<String, PaymentSettled> settled;

    @BeforeEach
    void startDriver() {
        driver = mesh.driver(PaymentSettlement.topology(mesh.catalog()));
        raw = ExampleMesh.raw(driver, RawTopics.PAYMENTS);
        settled = mesh.staging(driver, PaymentSettlement.PRODUCT);
    }

    @Test
    void publishesOnlySettledPaymentsKeyedByOrder() {
        raw.pipeInput("p-1", payment("AUTHORIZED", "card"));
        raw.pipeInput("p-1", payment("settled", "Bank-Transfer"));
        raw.pipeInput("p-2", new RawPayment("p-2", "o-2", new BigDecimal("5"), "usd", "wallet", "FAILED", T0));

        var out = settled.readRecordsToList();
        assertThat(out).hasSize(1);
        assertThat(out.get(0).key()).isEqualTo("o-1");
        PaymentSettled payment = out.get(0).value();
        assertThat(payment.getPaymentId().toString()).isEqualTo("p-1");
        assertThat(payment.getMethod()).isEqualTo(PaymentMethod.BANK_TRANSFER);
        assertThat(payment.getCurrency().toString()).isEqualTo("EUR");
        assertThat(payment.getAmount()).isEqualByComparingTo("42.10");
        assertThat(payment.getSettledAt()).isEqualTo(T0);
    }

    @Test
    void skipsAPaymentWithAnUnknownMethod() {
        raw.pipeInput("p-3", payment("SETTLED", "seashells"));

        assertThat(settled.isEmpty()).isTrue();
    }

    @Test
    void skipsAndCountsASettlementWithoutAnAmountAndKeepsGoing() {
        raw.pipeInput("p-4", new RawPayment("p-4", "o-4", null, "EUR", "card", "SETTLED", T0));
        raw.pipeInput("p-1", payment("SETTLED", "card"));

        assertThat(settled.readRecordsToList()).extracting(r -> r.key()).containsExactly("o-1");
        assertThat(ExampleMesh.droppedRecords(driver)).isEqualTo(1.0);
    }

    private static RawPayment payment(String status, String method) {
        return new RawPayment("p-1", "o-1", new BigDecimal("42.1"), "€", method, status, T0);
    }
}
