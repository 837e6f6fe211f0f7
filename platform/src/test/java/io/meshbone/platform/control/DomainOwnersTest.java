package io.meshbone.platform.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

class DomainOwnersTest {

    private static final Map<String, ListedProduct> LISTED = Map.of(
            "orders.order-placed", listing("orders.order-placed", "User:meshbone-up"),
            "orders.order-status", listing("orders.order-status", "User:team-orders"),
            "ordersx.other", listing("ordersx.other", "User:someone"));

    @Test
    void anUnregisteredDomainBelongsToEveryPrincipalThatListedInIt() {
        assertThat(DomainOwners.of("orders", Map.of(), LISTED)).containsExactly("User:meshbone-up", "User:team-orders");
        assertThat(DomainOwners.owns("User:team-orders", "orders", Map.of(), LISTED)).isTrue();
        assertThat(DomainOwners.owns("User:someone", "orders", Map.of(), LISTED)).isFalse();
        assertThat(DomainOwners.of("payments", Map.of(), LISTED)).isEmpty();
    }

    @Test
    void aRegisteredDomainBelongsToItsOwnerAloneWhoeverListedBefore() {
        Map<String, DomainOwnership> registered = Map.of("orders",
                new DomainOwnership("orders", "User:team-orders", DomainOwners.ADMIN, "req-1", Instant.now()));
        assertThat(DomainOwners.of("orders", registered, LISTED)).containsExactly("User:team-orders");
        assertThat(DomainOwners.owns("User:meshbone-up", "orders", registered, LISTED)).isFalse();
        assertThat(DomainOwners.owns("User:team-orders", "orders", registered, LISTED)).isTrue();
    }

    @Test
    void theAdminActsForEveryDomain() {
        assertThat(DomainOwners.owns(DomainOwners.ADMIN, "orders", Map.of(), LISTED)).isTrue();
        assertThat(DomainOwners.owns(DomainOwners.ADMIN, "nowhere", Map.of(), Map.of())).isTrue();
    }

    @Test
    void theDomainOfAProductIsItsFirstNamePart() {
        assertThat(DomainOwners.domainOf("orders.order-placed")).isEqualTo("orders");
        assertThat(DomainOwners.domainOf("orders")).isEqualTo("orders");
    }

    private static ListedProduct listing(String name, String principal) {
        return new ListedProduct(name, name + ".product.yaml", "descriptor", Map.of(), 1, null, "req-" + name, principal,
                Instant.now(), false);
    }
}
