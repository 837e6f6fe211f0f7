package io.meshbone.domains.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.meshbone.domains.ExampleMesh;
import io.meshbone.domains.ExampleMeshTest;
import io.meshbone.platform.lineage.LineageHeaders;
import io.meshbone.schemas.orders.OrderPlaced;
import io.meshbone.schemas.orders.RevenueByHour;
import io.meshbone.schemas.orders.RevenueHour;
import io.meshbone.schemas.orders.SalesChannel;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RevenueByHourTest extends ExampleMeshTest {

    private static final Instant TEN = Instant.parse("2026-03-02T10:00:00Z");
    private static final Instant ELEVEN = TEN.plus(RevenueByHourApp.HOUR);

    private TestInputTopic<String, OrderPlaced> orders;
    private TestOutputTopic<RevenueHour, RevenueByHour> revenue;
    private int orderIds;

    @BeforeEach
    void startDriver() {
        driver = mesh.driver(RevenueByHourApp.topology(mesh.catalog()));
        orders = mesh.input(driver, RevenueByHourApp.INPUT);
        revenue = mesh.staging(driver, RevenueByHourApp.PRODUCT);
    }

    @Test
    void emitsOneFinalRecordPerHourRegionAndCurrencyOnlyOnceTheGracePeriodIsOver() {
        order(TEN.plus(Duration.ofMinutes(5)), "EMEA", "EUR", "10.00");
        order(TEN.plus(Duration.ofMinutes(30)), "EMEA", "EUR", "5.50");
        order(TEN.plus(Duration.ofMinutes(40)), "AMER", "EUR", "7.00");
        order(TEN.plus(Duration.ofMinutes(45)), "AMER", "USD", "3.00");
        order(ELEVEN.plus(RevenueByHourApp.GRACE).minusMillis(1), "EMEA", "EUR", "1.00");
        assertThat(revenue.isEmpty()).as("the 10:00 hour is still open for late orders").isTrue();

        order(ELEVEN.plus(RevenueByHourApp.GRACE), "EMEA", "EUR", "2.00");

        List<TestRecord<RevenueHour, RevenueByHour>> out = revenue.readRecordsToList();
        assertThat(out).extracting(r -> r.key().getHourStart(), r -> r.key().getRegion().toString(),
                        r -> r.key().getCurrency().toString(), r -> r.value().getRevenue(), r -> r.value().getOrderCount())
                .containsExactlyInAnyOrder(tuple(TEN, "EMEA", "EUR", new BigDecimal("15.50"), 2L),
                        tuple(TEN, "AMER", "EUR", new BigDecimal("7.00"), 1L),
                        tuple(TEN, "AMER", "USD", new BigDecimal("3.00"), 1L));
        assertThat(out).allSatisfy(r -> {
            assertThat(r.value().getHourStart()).isEqualTo(r.key().getHourStart());
            assertThat(r.value().getRegion()).hasToString(r.key().getRegion().toString());
            assertThat(r.value().getCurrency()).hasToString(r.key().getCurrency().toString());
            assertThat(LineageHeaders.upstream(r.headers())).containsExactly("orders.order-placed");
        });
    }

    @Test
    void countsAnOrderAtTheTopOfTheHourInTheNewHour() {
        order(ELEVEN.minusMillis(1), "EUR", "1.00");
        order(ELEVEN, "EUR", "2.00");
        order(ELEVEN.plus(RevenueByHourApp.HOUR).plus(RevenueByHourApp.GRACE), "EUR", "4.00");

        assertThat(revenue.readRecordsToList()).extracting(r -> r.key().getHourStart(), r -> r.value().getRevenue())
                .containsExactly(tuple(TEN, new BigDecimal("1.00")), tuple(ELEVEN, new BigDecimal("2.00")));
    }

    @Test
    void keepsALateOrderWithinGraceAndDropsAndCountsOneAfterIt() {
        order(TEN.plus(Duration.ofMinutes(10)), "EUR", "10.00");
        order(ELEVEN.plus(Duration.ofMinutes(5)), "EUR", "1.00");
        order(TEN.plus(Duration.ofMinutes(55)), "EUR", "0.50");
        order(ELEVEN.plus(RevenueByHourApp.GRACE), "EUR", "1.00");
        order(TEN.plus(Duration.ofMinutes(58)), "EUR", "99.00");
        order(ELEVEN.plus(RevenueByHourApp.HOUR).plus(RevenueByHourApp.GRACE), "EUR", "1.00");

        List<TestRecord<RevenueHour, RevenueByHour>> out = revenue.readRecordsToList();
        assertThat(out).hasSize(2);
        assertThat(out.get(0).value().getRevenue()).as("the order 5 minutes late counts").isEqualByComparingTo("10.50");
        assertThat(out.get(0).value().getOrderCount()).isEqualTo(2);
        assertThat(out.get(1).value().getRevenue()).as("the order after grace is in no hour").isEqualByComparingTo("2.00");
        assertThat(ExampleMesh.droppedRecords(driver)).isEqualTo(1.0);
    }

    private void order(Instant at, String currency, String total) {
        order(at, "EMEA", currency, total);
    }

    private void order(Instant at, String region, String currency, String total) {
        String orderId = "o-" + orderIds++;
        orders.pipeInput(orderId, new OrderPlaced(orderId, "c-1", at, currency, new BigDecimal(total), 1, SalesChannel.WEB, region),
                at);
    }

}
