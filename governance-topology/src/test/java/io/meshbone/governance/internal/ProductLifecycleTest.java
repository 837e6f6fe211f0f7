package io.meshbone.governance.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import io.meshbone.platform.control.Decision;
import io.meshbone.platform.control.ListedProduct;
import io.meshbone.platform.control.ProductRequest;
import org.junit.jupiter.api.Test;

class ProductLifecycleTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-12-01T12:00:00Z"), ZoneOffset.UTC);
    private static final String OWNER = "User:team-orders";
    private static final Map<String, ListedProduct> LISTED = Map.of(
            "orders.order-placed", listing("orders.order-placed", false),
            "orders.order-placed-v2", listing("orders.order-placed-v2", false),
            "orders.gone", listing("orders.gone", true));

    private final ProductLifecycle lifecycle = new ProductLifecycle(NOW);

    private static ListedProduct listing(String name, boolean retired) {
        return new ListedProduct(name, name, "not parsed here", Map.of(), 1, null, "req-" + name, OWNER,
                Instant.parse("2026-11-01T00:00:00Z"), retired);
    }

    @Test
    void acceptsTheOwnersDeprecationAndListsItWithWhoAndWhen() {
        ContractDecider.Outcome outcome = lifecycle.deprecate(ProductRequest.deprecate(OWNER, "orders.order-placed",
                "2026-12-01", "orders.order-placed-v2", "  v2 keys by order id  "), LISTED, Map.of());

        assertThat(outcome.decision().outcome()).isEqualTo(Decision.Outcome.ACCEPTED);
        assertThat(outcome.listing().deprecation().sunset()).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(outcome.listing().deprecation().successor()).isEqualTo("orders.order-placed-v2");
        assertThat(outcome.listing().deprecation().reason()).isEqualTo("v2 keys by order id");
        assertThat(outcome.listing().deprecation().by()).isEqualTo(OWNER);
        assertThat(outcome.listing().deprecation().at()).isEqualTo(NOW.instant());
        // The listing is the same version: the deprecation is not a new version of the contract.
        assertThat(outcome.listing().requestId()).isEqualTo("req-orders.order-placed");
    }

    @Test
    void rejectsANonOwnerAPastSunsetAndAnUnknownSuccessorNamingEveryReason() {
        ContractDecider.Outcome outcome = lifecycle.deprecate(ProductRequest.deprecate("User:intruder", "orders.order-placed",
                "2026-11-30", "orders.order-placd-v2", null), LISTED, Map.of());

        assertThat(outcome.decision().outcome()).isEqualTo(Decision.Outcome.REJECTED);
        assertThat(outcome.listing()).isNull();
        assertThat(outcome.decision().reasons()).containsExactly(
                "orders.order-placed: principal: User:intruder may not deprecate a product listed by User:team-orders",
                "orders.order-placed: sunset: 2026-11-30 is in the past; expected today (2026-12-01, UTC) or later",
                "orders.order-placed: successor: 'orders.order-placd-v2' names no listed product (did you mean 'orders.order-placed-v2'?)");
    }

    @Test
    void rejectsAnUnreadableSunsetTheProductItselfAsSuccessorAndALongReason() {
        ContractDecider.Outcome outcome = lifecycle.deprecate(ProductRequest.deprecate(OWNER, "orders.order-placed",
                "31/12/2027", "orders.order-placed", "x".repeat(ProductLifecycle.REASON_CHARS + 1)), LISTED, Map.of());

        assertThat(outcome.decision().reasons()).containsExactly(
                "orders.order-placed: sunset: '31/12/2027' is not an ISO date; expected e.g. 2027-06-30",
                "orders.order-placed: successor: 'orders.order-placed' is the product itself; expected another listed product",
                "orders.order-placed: reason: 501 characters; expected at most 500");
    }

    @Test
    void rejectsARetiredSuccessorAndMissingTerms() {
        assertThat(lifecycle.deprecate(ProductRequest.deprecate(OWNER, "orders.order-placed", "2027-01-01", "orders.gone", null),
                LISTED, Map.of()).decision().reasons()).containsExactly("orders.order-placed: successor: 'orders.gone' names no listed product");
        assertThat(lifecycle.deprecate(ProductRequest.deprecate(OWNER, "orders.order-placed", null, " ", null),
                LISTED, Map.of()).decision().reasons()).containsExactly(
                "orders.order-placed: sunset: missing; expected an ISO date (e.g. 2027-06-30), today or later",
                "orders.order-placed: successor: missing; expected the name of a listed product");
    }

    @Test
    void neitherDeprecatesNorRetiresWhatIsNotListed() {
        assertThat(lifecycle.deprecate(ProductRequest.deprecate(OWNER, "orders.gone", "2027-01-01", "orders.order-placed", null),
                LISTED, Map.of()).decision().reasons()).containsExactly("orders.gone: name: no listed product of that name to deprecate");
        assertThat(lifecycle.retire(ProductRequest.retire(OWNER, "orders.nothing"), LISTED, Map.of()).decision().reasons())
                .containsExactly("orders.nothing: name: no listed product of that name to retire");
    }

    @Test
    void retiresForTheOwnerOnlyAndKeepsTheDeprecation() {
        ListedProduct deprecated = lifecycle.deprecate(ProductRequest.deprecate(OWNER, "orders.order-placed", "2027-01-01",
                "orders.order-placed-v2", null), LISTED, Map.of()).listing();
        Map<String, ListedProduct> listed = Map.of("orders.order-placed", deprecated);

        ContractDecider.Outcome refused = lifecycle.retire(ProductRequest.retire("User:intruder", "orders.order-placed"), listed, Map.of());
        assertThat(refused.decision().reasons()).containsExactly(
                "orders.order-placed: principal: User:intruder may not retire a product listed by User:team-orders");

        ProductRequest retire = ProductRequest.retire(OWNER, "orders.order-placed");
        ContractDecider.Outcome retired = lifecycle.retire(retire, listed, Map.of());
        assertThat(retired.decision().outcome()).isEqualTo(Decision.Outcome.ACCEPTED);
        assertThat(retired.decision().requestId()).isEqualTo(retire.requestId());
        assertThat(retired.listing().retired()).isTrue();
        assertThat(retired.listing().deprecation()).isEqualTo(deprecated.deprecation());
    }
}
