package io.meshbone.catalog.internal;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import io.meshbone.platform.control.AccessGrant;
import io.meshbone.platform.control.DomainOwners;
import io.meshbone.platform.control.ListedProduct;

/**
 * What a principal may do with a product, from the catalog's state: own it (its domain's owner, or the admin), read it
 * (an owner, a consumer its contract lists, or a grant), and see its PII fields (an owner, or a grant that asked for PII).
 */
final class Clearance {

    private final CatalogState catalog;
    private final AccessState access;

    Clearance(CatalogState catalog, AccessState access) {
        this.catalog = catalog;
        this.access = access;
    }

    /** The principals that own {@code product}'s domain, admin aside. */
    Set<String> owners(String product) {
        return domainOwners(DomainOwners.domainOf(product));
    }

    Set<String> domainOwners(String domain) {
        return DomainOwners.of(domain, access.domains(), listed());
    }

    boolean owns(String principal, String product) {
        return DomainOwners.owns(principal, DomainOwners.domainOf(product), access.domains(), listed());
    }

    boolean piiCleared(Optional<String> principal, String product) {
        return principal.isPresent() && (owns(principal.get(), product)
                || access.grant(product, principal.get()).map(AccessGrant::pii).orElse(false));
    }

    /** Why {@code principal} may read {@code product}, or empty when it may not: owner, consumer, or grant. */
    Optional<String> readsBecause(String principal, String product) {
        if (owns(principal, product)) {
            return Optional.of("owner");
        }
        if (access.grant(product, principal).isPresent()) {
            return Optional.of("grant");
        }
        return catalog.product(product).filter(e -> e.product().spec().consumers().stream()
                .anyMatch(consumer -> principal.equals("User:app-" + consumer) || principal.equals("User:team-" + consumer)))
                .map(e -> "consumer");
    }

    /** The listed products, by name, as the ownership rule reads them. */
    Map<String, ListedProduct> listed() {
        Map<String, ListedProduct> listed = new TreeMap<>();
        catalog.products().forEach((name, entry) -> listed.put(name, entry.listed()));
        return listed;
    }
}
