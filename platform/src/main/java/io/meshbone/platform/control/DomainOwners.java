package io.meshbone.platform.control;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who may act for a domain: its owner on {@code _mesh.domains} when the domain is registered there, else (open mode,
 * unregistered domains) every principal that listed one of its products; the admin always.
 */
public final class DomainOwners {

    /** The mesh's admin principal: creates domains and may act for any. */
    public static final String ADMIN = "User:admin";

    private DomainOwners() {
    }

    /** The domain of a product name {@code <domain>.<product>}. */
    public static String domainOf(String product) {
        int dot = product.indexOf('.');
        return dot < 0 ? product : product.substring(0, dot);
    }

    /** The principals that own {@code domain}, admin aside; empty for an unregistered domain with nothing listed. */
    public static Set<String> of(String domain, Map<String, DomainOwnership> registered, Map<String, ListedProduct> listed) {
        DomainOwnership ownership = registered.get(domain);
        if (ownership != null && ownership.owner() != null) {
            return Set.of(ownership.owner());
        }
        Set<String> owners = new TreeSet<>();
        listed.values().stream()
                .filter(listing -> listing.name() != null && listing.name().startsWith(domain + ".") && listing.principal() != null)
                .forEach(listing -> owners.add(listing.principal()));
        return owners;
    }

    /** True when {@code principal} is the admin or one of the domain's owners. */
    public static boolean owns(String principal, String domain, Map<String, DomainOwnership> registered,
                               Map<String, ListedProduct> listed) {
        return ADMIN.equals(principal) || of(domain, registered, listed).contains(principal);
    }
}
