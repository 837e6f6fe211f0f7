package io.meshbone.domains.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.meshbone.domains.ExampleMesh;
import io.meshbone.domains.ExampleMeshTest;
import io.meshbone.domains.raw.RawCheckout;
import io.meshbone.domains.raw.RawTopics;
import io.meshbone.platform.lineage.LineageHeaders;
import io.meshbone.schemas.orders.OrderPlaced;
import io.meshbone.schemas.orders.SalesChannel;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OrderRefinementTest extends ExampleMeshTest {

    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

    private TestInputTopic<String, RawCheckout> checkouts;
    private TestOutputTopic<String, OrderPlaced> placed;

    @BeforeEach
    void startDriver() {
        driver = mesh.driver(OrderRefinement.topology(mesh.catalog()));
        checkouts = ExampleMesh.raw(driver, RawTopics.CHECKOUT);
        placed = mesh.staging(driver, OrderRefinement.PRODUCT);
    }

    @Test
    void dropsTestOrdersAndNormalisesCurrencyCodes() {
        send(checkout("o-1", T0, " eur ", false));
        send(checkout("o-2", T0.plusSeconds(1), "EUR", true));
        send(checkout("o-3", T0.plusSeconds(2), "£", false));

        List<TestRecord<String, OrderPlaced>> out = placed.readRecordsToList();

        assertThat(out).extracting(TestRecord::key).containsExactly("o-1", "o-3");
        assertThat(out).extracting(r -> r.value().getCurrency().toString()).containsExactly("EUR", "GBP");
        OrderPlaced first = out.get(0).value();
        assertThat(first.getTotalAmount()).isEqualByComparingTo("19.90");
        assertThat(first.getPlacedAt()).isEqualTo(T0);
        assertThat(first.getChannel()).isEqualTo(SalesChannel.MOBILE);
        assertThat(first.getRegion().toString()).isEqualTo("EMEA");
        assertThat(out.get(0).timestamp()).as("event time is the checkout time").isEqualTo(T0.toEpochMilli());
        assertThat(LineageHeaders.upstream(out.get(0).headers())).as("raw input is no product").isEmpty();
    }

    @Test
    void mapsRegionAliasesAndCountsAnUnrecognisedRegionAsUnknown() {
        send(withRegion(checkout("o-4", T0, "USD", false), "Americas"));
        send(withRegion(checkout("o-5", T0.plusSeconds(1), "EUR", false), "EU"));
        send(withRegion(checkout("o-6", T0.plusSeconds(2), "JPY", false), "mars"));
        send(withRegion(checkout("o-12", T0.plusSeconds(3), "JPY", false), null));

        assertThat(placed.readRecordsToList()).extracting(r -> r.value().getRegion().toString())
                .containsExactly("AMER", "EMEA", "UNKNOWN", "UNKNOWN");
    }

    @Test
    void dropsACheckoutResentWithinTheWindowAndKeepsOneResentAfterIt() {
        send(checkout("o-7", T0, "EUR", false));
        send(checkout("o-7", T0.plus(Duration.ofMinutes(5)), "EUR", false));
        send(checkout("o-8", T0.plus(Duration.ofMinutes(6)), "EUR", false));
        send(checkout("o-7", T0.plus(OrderRefinement.DEDUP_WINDOW).minusMillis(1), "EUR", false));
        send(checkout("o-7", T0.plus(OrderRefinement.DEDUP_WINDOW).plusMillis(1), "EUR", false));

        assertThat(placed.readRecordsToList()).extracting(TestRecord::key).containsExactly("o-7", "o-8", "o-7");
    }

    @Test
    void dropsAnEventWhoseKeyIsNotItsOrderId() {
        checkouts.pipeInput("other", checkout("o-9", T0, "EUR", false));

        assertThat(placed.isEmpty()).isTrue();
    }

    @Test
    void dropsACheckoutWithoutCustomerTimeOrTotalAndKeepsGoing() {
        RawCheckout good = checkout("o-13", T0, "EUR", false);
        send(new RawCheckout("o-14", null, T0, "EUR", good.total(), 1, "web", false, "EMEA"));
        send(new RawCheckout("o-15", "c-1", null, "EUR", good.total(), 1, "web", false, "EMEA"));
        send(new RawCheckout("o-16", "c-1", T0, "EUR", null, 1, "web", false, "EMEA"));
        send(good);

        assertThat(placed.readRecordsToList()).extracting(TestRecord::key).containsExactly("o-13");
        assertThat(new RawCheckout("o-17", " ", null, null, null, 0, null, false, null).missingFields())
                .containsExactly("customerId", "at", "total");
    }

    @Test
    void skipsAnUnreadableEventAndKeepsGoing() {
        driver.createInputTopic(RawTopics.CHECKOUT.name(), new StringSerializer(), new StringSerializer())
                .pipeInput("o-10", "{not json");
        send(checkout("o-11", T0, "EUR", false));

        assertThat(placed.readRecordsToList()).extracting(TestRecord::key).containsExactly("o-11");
    }

    private void send(RawCheckout checkout) {
        checkouts.pipeInput(checkout.orderId(), checkout);
    }

    private static RawCheckout withRegion(RawCheckout c, String region) {
        return new RawCheckout(c.orderId(), c.customerId(), c.at(), c.currency(), c.total(), c.items(), c.channel(), c.test(), region);
    }

    private static RawCheckout checkout(String orderId, Instant at, String currency, boolean test) {
        return new RawCheckout(orderId, "c-1", at, currency, new BigDecimal("19.9"), 2, " Mobile", test, " emea");
    }
}
