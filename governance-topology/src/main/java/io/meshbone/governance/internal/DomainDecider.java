package io.meshbone.governance.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import io.meshbone.platform.contract.ProductNames;
import io.meshbone.platform.control.Decision;
import io.meshbone.platform.control.DomainOwners;
import io.meshbone.platform.control.DomainOwnership;
import io.meshbone.platform.control.DomainRequest;
import io.meshbone.platform.control.ListedProduct;

/**
 * Decides one event on {@code _mesh.domain-requests}: only the admin creates a domain; the new owner (or the admin)
 * asks for a registered domain; only its current owner (or the admin) approves, which moves the domain.
 */
public final class DomainDecider {

    /**
     * Decides {@code event}.
     *
     * @param domains the registered domains, by name
     * @param listed  the listed products, by name: who listed a domain's products before it was registered
     * @param tickets the transfers seen so far, by id
     */
    public Outcome decide(DomainRequest event, Map<String, DomainOwnership> domains, Map<String, ListedProduct> listed,
                          Function<String, DomainTicket> tickets) {
        List<String> reasons = new ArrayList<>();
        if (event.principal() == null || event.principal().isBlank()) {
            reasons.add("principal: the event names no principal; expected e.g. " + DomainOwners.ADMIN);
        }
        if (event.reason() != null && event.reason().length() > AccessDecider.MAX_REASON) {
            reasons.add("reason: " + event.reason().length() + " characters; expected at most " + AccessDecider.MAX_REASON);
        }
        return switch (event.type()) {
            case CREATE -> create(event, domains, listed, reasons);
            case TRANSFER -> transfer(event, domains, tickets, reasons);
            case APPROVE, DENY -> settle(event, domains, tickets, reasons);
        };
    }

    private Outcome create(DomainRequest event, Map<String, DomainOwnership> domains, Map<String, ListedProduct> listed,
                           List<String> reasons) {
        if (!DomainOwners.ADMIN.equals(event.principal())) {
            reasons.add("principal: " + event.principal() + " may not create domains; only the admin (" + DomainOwners.ADMIN
                    + ") may");
        }
        reasons.addAll(nameAndOwner(event));
        DomainOwnership current = event.domain() == null ? null : domains.get(event.domain());
        if (current != null) {
            reasons.add("domain: '" + event.domain() + "' exists already, owned by " + current.owner()
                    + "; ownership moves only by transfer (meshbone domain transfer)");
        }
        List<String> warnings = new ArrayList<>();
        if (reasons.isEmpty()) {
            Set<String> before = new java.util.TreeSet<>(DomainOwners.of(event.domain(), Map.of(), listed));
            before.remove(event.owner());
            if (!before.isEmpty()) {
                warnings.add("domain: products listed by " + String.join(", ", before) + " now belong to " + event.owner());
            }
        }
        Decision decision = decision(event, Decision.Kind.DOMAIN_CREATION, event.domain(), event.owner(), event.id(), reasons)
                .withWarnings(warnings);
        return new Outcome(decision, reasons.isEmpty()
                ? new DomainOwnership(event.domain(), event.owner(), event.principal(), event.id(), Instant.now()) : null, null);
    }

    private Outcome transfer(DomainRequest event, Map<String, DomainOwnership> domains, Function<String, DomainTicket> tickets,
                             List<String> reasons) {
        reasons.addAll(nameAndOwner(event));
        DomainOwnership current = event.domain() == null ? null : domains.get(event.domain());
        if (reasons.isEmpty() && current == null) {
            reasons.add("domain: '" + event.domain() + "' is not registered; the admin creates it first (meshbone domain create)");
        } else if (current != null && current.owner().equals(event.owner())) {
            reasons.add("owner: " + event.owner() + " owns '" + event.domain() + "' already; expected another principal");
        }
        if (event.principal() != null && !event.principal().equals(event.owner()) && !DomainOwners.ADMIN.equals(event.principal())) {
            reasons.add("principal: " + event.principal() + " may not ask for '" + event.domain() + "' on behalf of "
                    + event.owner() + "; the new owner asks (or the admin)");
        }
        if (tickets.apply(event.id()) != null) {
            reasons.add("id: a domain request with id " + event.id() + " exists already; expected a fresh id");
        }
        Decision decision = decision(event, Decision.Kind.DOMAIN_TRANSFER_REQUEST, event.domain(), event.owner(), event.id(), reasons);
        return new Outcome(decision, null, reasons.isEmpty() ? new DomainTicket(event, DomainTicket.Status.PENDING, null, null) : null);
    }

    private Outcome settle(DomainRequest event, Map<String, DomainOwnership> domains, Function<String, DomainTicket> tickets,
                           List<String> reasons) {
        boolean approve = event.type() == DomainRequest.Type.APPROVE;
        Decision.Kind kind = approve ? Decision.Kind.DOMAIN_TRANSFER : Decision.Kind.DOMAIN_TRANSFER_DENIAL;
        DomainTicket ticket = event.requestId() == null ? null : tickets.apply(event.requestId());
        if (ticket == null) {
            reasons.add("requestId: no domain transfer with id '" + event.requestId() + "'; expected the id `domain transfer` printed");
            return new Outcome(decision(event, kind, null, null, event.requestId(), reasons), null, null);
        }
        DomainRequest asked = ticket.request();
        if (ticket.status() != DomainTicket.Status.PENDING) {
            reasons.add("requestId: transfer " + asked.id() + " is " + ticket.status().name().toLowerCase() + " already (by "
                    + ticket.settledBy() + "); expected a pending transfer");
        }
        DomainOwnership current = domains.get(asked.domain());
        String owner = current == null ? null : current.owner();
        if (event.principal() != null && !event.principal().equals(owner) && !DomainOwners.ADMIN.equals(event.principal())) {
            reasons.add("principal: " + event.principal() + " may not " + (approve ? "approve" : "deny") + " the transfer of '"
                    + asked.domain() + "'; only its current owner " + owner + " (or the admin) may");
        }
        List<String> said = reasons.isEmpty() && event.reason() != null && !event.reason().isBlank()
                ? List.of((approve ? "approved" : "denied") + " by " + event.principal() + ": " + event.reason()) : reasons;
        Decision decision = new Decision(event.id(), null, reasons.isEmpty() ? Decision.Outcome.ACCEPTED : Decision.Outcome.REJECTED,
                null, reasons.isEmpty(), said, event.principal(), Instant.now(), List.of(), null, kind, asked.owner(),
                asked.domain(), asked.id());
        if (!reasons.isEmpty()) {
            return new Outcome(decision, null, null);
        }
        DomainTicket settled = ticket.settled(approve ? DomainTicket.Status.APPROVED : DomainTicket.Status.DENIED, event.principal());
        return new Outcome(decision, approve
                ? new DomainOwnership(asked.domain(), asked.owner(), event.principal(), asked.id(), Instant.now()) : null, settled);
    }

    private static List<String> nameAndOwner(DomainRequest event) {
        List<String> reasons = new ArrayList<>();
        if (!ProductNames.isNamePart(event.domain())) {
            reasons.add("domain: '" + event.domain() + "' is not a lower-kebab domain name; expected e.g. orders");
        }
        if (event.owner() == null || !event.owner().matches("User:[A-Za-z0-9._@-]+")) {
            reasons.add("owner: '" + event.owner() + "' is not a principal; expected e.g. User:team-" + event.domain());
        }
        return reasons;
    }

    private static Decision decision(DomainRequest event, Decision.Kind kind, String domain, String subject, String refersTo,
                                     List<String> reasons) {
        boolean accepted = reasons.isEmpty();
        return new Decision(event.id(), null, accepted ? Decision.Outcome.ACCEPTED : Decision.Outcome.REJECTED, null, accepted,
                reasons, event.principal(), Instant.now(), List.of(), null, kind, subject, domain, refersTo);
    }

    /** A decision, the ownership to write to {@code _mesh.domains} (null: none), and the transfer's new state (null: unchanged). */
    public record Outcome(Decision decision, DomainOwnership ownership, DomainTicket ticket) {
    }
}
