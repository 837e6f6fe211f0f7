package io.meshbone.catalog.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.meshbone.http.Call;
import io.meshbone.http.Reply;
import io.meshbone.http.Routes;
import io.meshbone.platform.control.DomainOwnership;
import io.meshbone.platform.control.DomainRequest;
import io.meshbone.platform.control.MeshJson;

/** The catalog's endpoints for domains: one domain's owner and history, creation, transfers and their approval. */
final class DomainApi {

    private static final List<String> STATUSES = List.of("pending", "approved", "denied", "rejected");

    private final CatalogState catalog;
    private final AccessState access;
    private final Clearance clearance;
    private final AccessApi requests;

    DomainApi(CatalogState catalog, AccessState access, Clearance clearance, AccessApi requests) {
        this.catalog = catalog;
        this.access = access;
        this.clearance = clearance;
        this.requests = requests;
    }

    Routes addTo(Routes routes) {
        return routes
                .add("GET", "/api/domains/{name}", call -> domain(call.param("name")))
                .add("POST", "/api/domains", this::create)
                .add("POST", "/api/domains/{name}/transfer", this::transfer)
                .add("GET", "/api/domain-requests", call -> Map.of("requests", list(call)))
                .add("POST", "/api/domain-requests/{id}/approve", call -> settle(call, DomainRequest.Type.APPROVE))
                .add("POST", "/api/domain-requests/{id}/deny", call -> settle(call, DomainRequest.Type.DENY));
    }

    private Map<String, Object> domain(String name) {
        DomainOwnership registered = access.domains().get(name);
        List<String> products = catalog.products().values().stream()
                .filter(e -> name.equals(e.product().metadata().domain())).map(e -> e.listed().name()).toList();
        if (registered == null && products.isEmpty()) {
            throw CatalogError.notFound("No domain named '" + name + "': none is registered and no product is listed in it");
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("registered", registered != null);
        // An unregistered domain belongs to whoever listed its products (open mode); a registered one to its owner.
        m.put("owner", registered != null ? registered.owner() : String.join(", ", clearance.domainOwners(name)));
        m.put("since", registered == null ? null : registered.since());
        m.put("ownership", access.ownershipHistory(name).stream().map(AccessViews::ownership).toList());
        m.put("products", products);
        m.put("transfers", access.transfers().stream().filter(t -> name.equals(t.request().domain()))
                .map(AccessViews::transfer).toList());
        m.put("decisions", access.domainDecisions(name));
        return m;
    }

    private Reply create(Call call) {
        JsonNode body = requests.body(call, "{\"name\": \"orders\", \"owner\": \"User:team-orders\"}");
        return requests.decide(DomainRequest.create(text(body, "name"), text(body, "owner"), requests.caller(call)));
    }

    private Reply transfer(Call call) {
        JsonNode body = requests.body(call, "{\"to\": \"User:team-orders\", \"reason\": \"why\"}");
        return requests.decide(DomainRequest.transfer(call.param("name"), text(body, "to"), requests.caller(call),
                text(body, "reason")));
    }

    private Reply settle(Call call, DomainRequest.Type type) {
        JsonNode body = call.body().length == 0 ? MeshJson.object() : requests.body(call, "{\"reason\": \"why\"}");
        String id = call.param("id");
        if (access.transfers().stream().noneMatch(t -> id.equals(t.request().id()))) {
            throw CatalogError.notFound("No domain transfer with id '" + id + "'");
        }
        return requests.decide(DomainRequest.settle(type, id, requests.caller(call), text(body, "reason")));
    }

    private List<Map<String, Object>> list(Call call) {
        for (String name : call.queryNames()) {
            if (!List.of("domain", "status", "principal").contains(name)) {
                throw CatalogError.badRequest("Unknown query parameter '" + name + "'; expected domain or status");
            }
        }
        String status = call.query("status", "").toLowerCase(Locale.ROOT);
        if (!status.isEmpty() && !STATUSES.contains(status)) {
            throw CatalogError.badRequest("status '" + status + "' is not one of " + STATUSES);
        }
        String domain = call.query("domain", "");
        return access.transfers().stream()
                .filter(t -> domain.isEmpty() || domain.equals(t.request().domain()))
                .filter(t -> status.isEmpty() || status.equals(t.status()))
                .map(AccessViews::transfer).toList();
    }

    private static String text(JsonNode body, String field) {
        return body.path(field).isTextual() ? body.path(field).asText() : null;
    }
}
