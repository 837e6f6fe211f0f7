package io.meshbone.catalog.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.meshbone.platform.control.AccessGrant;

/**
 * A principal's logical domain, as the signed-in home page shows it: the products it owns, those it may read (and
 * why), and those it can ask for, with its requests still pending.
 */
final class MeView {

    private final CatalogState catalog;
    private final AccessState access;
    private final Clearance clearance;

    MeView(CatalogState catalog, AccessState access, Clearance clearance) {
        this.catalog = catalog;
        this.access = access;
        this.clearance = clearance;
    }

    Map<String, Object> of(String principal) {
        List<String> owns = new ArrayList<>();
        List<Map<String, Object>> reads = new ArrayList<>();
        List<String> canRequest = new ArrayList<>();
        catalog.products().forEach((name, entry) -> {
            if (entry.listed().retired()) {
                return;
            }
            if (clearance.owns(principal, name)) {
                owns.add(name);
                return;
            }
            String because = clearance.readsBecause(principal, name).orElse(null);
            if (because == null) {
                canRequest.add(name);
                return;
            }
            Map<String, Object> read = new LinkedHashMap<>();
            read.put("product", name);
            read.put("because", because);
            AccessGrant grant = access.grant(name, principal).orElse(null);
            read.put("since", grant == null ? null : grant.grantedAt());
            read.put("pii", grant != null && grant.pii());
            reads.add(read);
        });
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("principal", principal);
        m.put("owns", owns);
        m.put("reads", reads);
        m.put("canRequest", canRequest);
        m.put("pending", access.tickets().stream()
                .filter(t -> principal.equals(t.request().principal()) && "pending".equals(t.status()))
                .map(AccessViews::ticket).toList());
        m.put("toDecide", access.tickets().stream()
                .filter(t -> "pending".equals(t.status()) && clearance.owns(principal, t.request().product()))
                .map(AccessViews::ticket).toList());
        return m;
    }
}
