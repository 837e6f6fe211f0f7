package io.meshbone.catalog.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import io.meshbone.platform.control.AccessGrant;
import io.meshbone.platform.control.Decision;
import io.meshbone.platform.control.DomainOwnership;

/** The JSON shapes of grants, access requests, transfers and ownership, as the catalog answers them. */
final class AccessViews {

    private AccessViews() {
    }

    static Map<String, Object> grant(AccessGrant grant) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("principal", grant.principal());
        m.put("since", grant.grantedAt());
        m.put("reason", grant.reason());
        m.put("pii", grant.pii());
        m.put("grantedBy", grant.grantedBy());
        m.put("requestId", grant.requestId());
        return m;
    }

    static Map<String, Object> ticket(AccessState.Ticket ticket) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", ticket.request().id());
        m.put("product", ticket.request().product());
        m.put("principal", ticket.request().principal());
        m.put("reason", ticket.request().reason());
        m.put("pii", ticket.request().pii());
        m.put("at", ticket.request().at());
        m.put("status", ticket.status());
        settlement(m, ticket.settledBy());
        return m;
    }

    static Map<String, Object> transfer(AccessState.Transfer transfer) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", transfer.request().id());
        m.put("domain", transfer.request().domain());
        m.put("to", transfer.request().owner());
        m.put("principal", transfer.request().principal());
        m.put("reason", transfer.request().reason());
        m.put("at", transfer.request().at());
        m.put("status", transfer.status());
        settlement(m, transfer.settledBy());
        return m;
    }

    static Map<String, Object> ownership(DomainOwnership ownership) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("owner", ownership.owner());
        m.put("since", ownership.since());
        m.put("decidedBy", ownership.decidedBy());
        m.put("requestId", ownership.requestId());
        return m;
    }

    private static void settlement(Map<String, Object> m, Decision decision) {
        boolean settled = decision != null && decision.kind() != Decision.Kind.ACCESS_REQUEST
                && decision.kind() != Decision.Kind.DOMAIN_TRANSFER_REQUEST;
        m.put("decidedBy", settled ? decision.principal() : null);
        m.put("decidedAt", settled ? decision.decidedAt() : null);
        m.put("reasons", decision == null ? java.util.List.of() : decision.reasons());
    }
}
