package io.meshbone.domains.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;

import io.meshbone.domains.ExampleMesh;
import io.meshbone.domains.ExampleMeshTest;
import io.meshbone.domains.raw.RawStatus;
import io.meshbone.domains.raw.RawTopics;
import io.meshbone.platform.lineage.LineageHeaders;
import io.meshbone.schemas.orders.OrderPlaced;
import io.meshbone.schemas.orders.OrderState;
import io.meshbone.schemas.orders.OrderStatus;
import io.meshbone.schemas.orders.SalesChannel;
import io.meshbone.schemas.payments.PaymentMethod;
import io.meshbone.schemas.payments.PaymentSettled;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OrderStatusTest extends ExampleMeshTest {

    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

    private TestInputTopic<String, OrderPlaced> placed;
    private TestInputTopic<String, PaymentSettled> payments;
    private TestInputTopic<String, RawStatus> fulfilment;
    private TestOutputTopic<String, OrderStatus> statuses;

    @BeforeEach
    void startDriver() {
        driver = mesh.driver(OrderStatusApp.topology(mesh.catalog()));
        placed = mesh.input(driver, "orders.order-placed");
        payments = mesh.input(driver, "payments.payment-settled");
        fulfilment = ExampleMesh.raw(driver, RawTopics.STATUS);
        statuses = mesh.staging(driver, OrderStatusApp.PRODUCT);
    }

    @Test
    void followsAnOrderThroughPlacedPaidAndShippedWithBothUpstreamProducts() {
        RecordHeaders gateStamps = new RecordHeaders();
        LineageHeaders.put(gateStamps, LineageHeaders.PRODUCT, "orders.order-placed");
        placed.pipeInput(new TestRecord<>("o-1", placedOrder("o-1"), gateStamps, T0));
        payments.pipeInput("o-1", payment("o-1", T0.plusSeconds(60)), T0.plusSeconds(60));
        fulfilment.pipeInput("o-1", new RawStatus("o-1", "shipped", T0.plusSeconds(3600), null));

        var out = statuses.readRecordsToList();
        assertThat(out).extracting(r -> r.value().getStatus())
                .containsExactly(OrderState.PLACED, OrderState.PAID, OrderState.SHIPPED);
        assertThat(out).allSatisfy(r -> assertThat(r.key()).isEqualTo("o-1"));
        assertThat(LineageHeaders.upstream(out.get(0).headers()))
                .containsExactly("orders.order-placed", "payments.payment-settled");
        assertThat(LineageHeaders.get(out.get(0).headers(), LineageHeaders.PRODUCT))
                .as("the input's gate stamps are not passed on").isEmpty();
    }

    @Test
    void keepsTheNewestStateWhenAnOlderOneArrivesLate() {
        fulfilment.pipeInput("o-2", new RawStatus("o-2", "CANCELLED", T0.plusSeconds(600), "fraud"));
        payments.pipeInput("o-2", payment("o-2", T0.plusSeconds(60)), T0.plusSeconds(60));

        var out = statuses.readRecordsToList();
        assertThat(out).extracting(r -> r.value().getStatus()).containsExactly(OrderState.CANCELLED, OrderState.CANCELLED);
        assertThat(out.get(1).value().getReason().toString()).isEqualTo("fraud");
    }

    @Test
    void skipsAnUnknownFulfilmentStatus() {
        fulfilment.pipeInput("o-3", new RawStatus("o-3", "teleported", T0, null));

        assertThat(statuses.isEmpty()).isTrue();
    }

    private static OrderPlaced placedOrder(String orderId) {
        return new OrderPlaced(orderId, "c-1", T0, "EUR", new BigDecimal("10.00"), 1, SalesChannel.WEB, "EMEA");
    }

    private static PaymentSettled payment(String orderId, Instant at) {
        return new PaymentSettled("p-" + orderId, orderId, new BigDecimal("10.00"), "EUR", PaymentMethod.CARD, at);
    }
}
