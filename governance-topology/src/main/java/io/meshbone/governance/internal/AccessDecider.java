package io.meshbone.governance.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.meshbone.platform.control.AccessGrant;
import io.meshbone.platform.control.AccessRequest;
import io.meshbone.platform.control.Decision;
import io.meshbone.platform.control.DomainOwners;
import io.meshbone.platform.control.DomainOwnership;
import io.meshbone.platform.control.ListedProduct;

/**
 * Decides one event on {@code _mesh.access-requests}: a request is recorded when it names a listed product and a
 * reason; only the owner of the product's domain (or the admin) approves, denies or revokes; an approval grants.
 */
public final class AccessDecider {

    static final int MAX_REASON = 2_000;

    /**
     * Decides {@code event}.
     *
     * @param listed  the listed products of the event's product's domain (or all), by name
     * @param domains the registered domains, by name
     * @param tickets the access requests seen so far, by id
     * @param grants  the grants in force, by {@link AccessGrant#key()}
     */
    public Outcome decide(AccessRequest event, Map<String, ListedProduct> listed, Map<String, DomainOwnership> domains,
                          Function<String, AccessTicket> tickets, Function<String, AccessGrant> grants) {
        List<String> reasons = new ArrayList<>();
        if (blank(event.principal())) {
            reasons.add("principal: the event names no principal; expected e.g. User:app-shipping");
        }
        if (event.reason() != null && event.reason().length() > MAX_REASON) {
            reasons.add("reason: " + event.reason().length() + " characters; expected at most " + MAX_REASON);
        }
        return switch (event.type()) {
            case REQUEST -> request(event, listed, tickets, reasons);
            case APPROVE, DENY -> settle(event, listed, domains, tickets, reasons);
            case REVOKE -> revoke(event, listed, domains, grants, tickets, reasons);
        };
    }

    private Outcome request(AccessRequest event, Map<String, ListedProduct> listed, Function<String, AccessTicket> tickets,
                            List<String> reasons) {
        reasons.addAll(listedProduct(event.product(), listed));
        if (blank(event.reason())) {
            reasons.add("reason: empty; expected why the product is needed, for its owner to judge");
        }
        if (tickets.apply(event.id()) != null) {
            reasons.add("id: an access request with id " + event.id() + " exists already; expected a fresh id");
        }
        Decision decision = decision(event, Decision.Kind.ACCESS_REQUEST, event.product(), event.principal(), event.id(), reasons);
        return new Outcome(decision, reasons.isEmpty() ? new AccessTicket(event, AccessTicket.Status.PENDING, null, null) : null,
                null, null);
    }

    private Outcome settle(AccessRequest event, Map<String, ListedProduct> listed, Map<String, DomainOwnership> domains,
                           Function<String, AccessTicket> tickets, List<String> reasons) {
        boolean approve = event.type() == AccessRequest.Type.APPROVE;
        Decision.Kind kind = approve ? Decision.Kind.ACCESS_GRANT : Decision.Kind.ACCESS_DENIAL;
        AccessTicket ticket = blank(event.requestId()) ? null : tickets.apply(event.requestId());
        if (ticket == null) {
            reasons.add("requestId: no access request with id '" + event.requestId() + "'; expected the id `access list` shows");
            return new Outcome(decision(event, kind, event.product(), null, event.requestId(), reasons), null, null, null);
        }
        AccessRequest asked = ticket.request();
        if (ticket.status() != AccessTicket.Status.PENDING) {
            reasons.add("requestId: access request " + asked.id() + " is " + ticket.status().name().toLowerCase()
                    + " already (by " + ticket.settledBy() + "); expected a pending request");
        }
        reasons.addAll(owner(event, asked.product(), listed, domains, approve ? "approve" : "deny"));
        if (!approve && blank(event.reason())) {
            reasons.add("reason: empty; a denial says why, for the requester to read");
        }
        if (approve) {
            reasons.addAll(listedProduct(asked.product(), listed));
        }
        List<String> said = reasons.isEmpty() && !blank(event.reason())
                ? List.of((approve ? "approved" : "denied") + " by " + event.principal() + ": " + event.reason()) : reasons;
        Decision decision = decision(event, kind, asked.product(), asked.principal(), asked.id(), said, reasons.isEmpty());
        if (!reasons.isEmpty()) {
            return new Outcome(decision, null, null, null);
        }
        AccessTicket settled = ticket.settled(approve ? AccessTicket.Status.APPROVED : AccessTicket.Status.DENIED, event.principal());
        AccessGrant grant = approve ? new AccessGrant(asked.product(), asked.principal(), asked.pii(), asked.id(), asked.reason(),
                event.principal(), Instant.now()) : null;
        return new Outcome(decision, settled, grant, null);
    }

    private Outcome revoke(AccessRequest event, Map<String, ListedProduct> listed, Map<String, DomainOwnership> domains,
                           Function<String, AccessGrant> grants, Function<String, AccessTicket> tickets, List<String> reasons) {
        if (blank(event.product()) || blank(event.grantee())) {
            reasons.add("product, grantee: a revocation names both the product and the principal whose grant ends");
            return new Outcome(decision(event, Decision.Kind.ACCESS_REVOCATION, event.product(), event.grantee(), null, reasons),
                    null, null, null);
        }
        reasons.addAll(owner(event, event.product(), listed, domains, "revoke access to"));
        AccessGrant grant = grants.apply(new AccessGrant(event.product(), event.grantee(), false, null, null, null, null).key());
        if (grant == null) {
            reasons.add("grantee: " + event.grantee() + " holds no grant on " + event.product() + "; expected a principal"
                    + " `access list --product " + event.product() + "` shows as approved");
        }
        String refersTo = grant == null ? null : grant.requestId();
        List<String> said = reasons.isEmpty() && !blank(event.reason())
                ? List.of("revoked by " + event.principal() + ": " + event.reason()) : reasons;
        Decision decision = decision(event, Decision.Kind.ACCESS_REVOCATION, event.product(), event.grantee(), refersTo, said,
                reasons.isEmpty());
        if (!reasons.isEmpty()) {
            return new Outcome(decision, null, null, null);
        }
        AccessTicket ticket = refersTo == null ? null : tickets.apply(refersTo);
        return new Outcome(decision, ticket == null ? null : ticket.settled(AccessTicket.Status.REVOKED, event.principal()),
                null, grant.key());
    }

    private static List<String> listedProduct(String product, Map<String, ListedProduct> listed) {
        ListedProduct listing = product == null ? null : listed.get(product);
        if (listing == null || listing.retired()) {
            return List.of("product: no listed product named '" + product + "'; expected one `meshbone product list` shows");
        }
        return List.of();
    }

    private static List<String> owner(AccessRequest event, String product, Map<String, ListedProduct> listed,
                                      Map<String, DomainOwnership> domains, String verb) {
        String domain = DomainOwners.domainOf(product);
        if (blank(event.principal()) || DomainOwners.owns(event.principal(), domain, domains, listed)) {
            return List.of();
        }
        return List.of("principal: " + event.principal() + " may not " + verb + " " + product + "; domain '" + domain
                + "' is owned by " + String.join(", ", DomainOwners.of(domain, domains, listed))
                + " (or the admin, " + DomainOwners.ADMIN + ")");
    }

    private static Decision decision(AccessRequest event, Decision.Kind kind, String product, String subject, String refersTo,
                                     List<String> reasons) {
        return decision(event, kind, product, subject, refersTo, reasons, reasons.isEmpty());
    }

    private static Decision decision(AccessRequest event, Decision.Kind kind, String product, String subject, String refersTo,
                                     List<String> reasons, boolean accepted) {
        return new Decision(event.id(), product, accepted ? Decision.Outcome.ACCEPTED : Decision.Outcome.REJECTED, null,
                accepted, reasons, event.principal(), Instant.now(), List.of(), null, kind, subject, null, refersTo);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    /**
     * A decision, the request's new state to keep (null: unchanged), the grant to write (null: none), and the key of a
     * grant to tombstone (null: none).
     */
    public record Outcome(Decision decision, AccessTicket ticket, AccessGrant grant, String revokedKey) {
    }
}
