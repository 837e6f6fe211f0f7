package io.meshbone.catalog.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.databind.JsonNode;
import io.meshbone.http.Call;
import io.meshbone.http.Reply;
import io.meshbone.http.Routes;
import io.meshbone.platform.control.AccessRequest;
import io.meshbone.platform.control.ContractClient;
import io.meshbone.platform.control.Decision;
import io.meshbone.platform.control.DomainRequest;
import io.meshbone.platform.control.MeshJson;

/**
 * The catalog's endpoints for access requests and grants: ask, list, approve, deny, revoke, and who may read a product.
 * Each change is an event for the contract gate, answered with the gate's decision (200, or 422 when rejected).
 */
public final class AccessApi {

    private static final Duration DECISION_TIMEOUT = Duration.ofSeconds(60);
    private static final List<String> STATUSES = List.of("pending", "approved", "denied", "revoked", "rejected");

    private final CatalogState catalog;
    private final AccessState access;
    private final Clearance clearance;
    private final Map<String, Object> clientConfig;
    private final InFlightLimit calls = new InFlightLimit(InFlightLimit.APPLIES, "access and domain requests");

    public AccessApi(CatalogState catalog, AccessState access, Map<String, Object> clientConfig) {
        this.catalog = catalog;
        this.access = access;
        this.clearance = new Clearance(catalog, access);
        this.clientConfig = Map.copyOf(clientConfig);
    }

    /** Adds the access and domain endpoints to {@code routes}. */
    public Routes addTo(Routes routes) {
        DomainApi domains = new DomainApi(catalog, access, clearance, this);
        return domains.addTo(routes
                .add("POST", "/api/access-requests", this::request)
                .add("GET", "/api/access-requests", call -> Map.of("requests", list(call)))
                .add("POST", "/api/access-requests/{id}/approve", call -> settle(call, AccessRequest.Type.APPROVE))
                .add("POST", "/api/access-requests/{id}/deny", call -> settle(call, AccessRequest.Type.DENY))
                .add("GET", "/api/products/{name}/grants", call -> grants(call.param("name")))
                .add("POST", "/api/products/{name}/grants/{principal}/revoke", this::revoke)
                .add("GET", "/api/products/{name}/clearance", this::clearanceOf)
                .add("GET", "/api/me", call -> new MeView(catalog, access, clearance).of(caller(call))));
    }

    /** Whether the caller may see {@code product}'s PII fields: its owner, or a grant that asked for PII. */
    public boolean piiCleared(Call call, String product) {
        return clearance.piiCleared(CallerPrincipal.of(call), product);
    }

    private Reply request(Call call) {
        JsonNode body = body(call, "{\"product\": \"orders.order-placed\", \"reason\": \"why\", \"pii\": false}");
        String product = body.path("product").asText("");
        catalog.product(product).orElseThrow(() -> CatalogError.unknownProduct(product, List.of()));
        return decide(AccessRequest.request(product, caller(call), body.path("reason").asText(""),
                body.path("pii").asBoolean(false)));
    }

    private List<Map<String, Object>> list(Call call) {
        for (String name : call.queryNames()) {
            if (!List.of("product", "status", "principal").contains(name)) {
                throw CatalogError.badRequest("Unknown query parameter '" + name + "'; expected product or status");
            }
        }
        String status = call.query("status", "").toLowerCase(Locale.ROOT);
        if (!status.isEmpty() && !STATUSES.contains(status)) {
            throw CatalogError.badRequest("status '" + status + "' is not one of " + STATUSES);
        }
        String product = call.query("product", "");
        Optional<String> caller = CallerPrincipal.of(call);
        return access.tickets().stream()
                .filter(t -> product.isEmpty() || product.equals(t.request().product()))
                .filter(t -> status.isEmpty() || status.equals(t.status()))
                // Open mode names no caller: everything shows. A caller sees its domains' requests and its own.
                .filter(t -> caller.isEmpty() || caller.get().equals(t.request().principal())
                        || clearance.owns(caller.get(), t.request().product()))
                .map(AccessViews::ticket).toList();
    }

    private Reply settle(Call call, AccessRequest.Type type) {
        JsonNode body = call.body().length == 0 ? MeshJson.object() : body(call, "{\"reason\": \"why\"}");
        String id = call.param("id");
        access.ticket(id).orElseThrow(() -> CatalogError.notFound("No access request with id '" + id + "'"));
        return decide(AccessRequest.settle(type, id, caller(call), body.path("reason").asText(null)));
    }

    private Reply revoke(Call call) {
        JsonNode body = call.body().length == 0 ? MeshJson.object() : body(call, "{\"reason\": \"why\"}");
        return decide(AccessRequest.revoke(call.param("name"), call.param("principal"), caller(call),
                body.path("reason").asText(null)));
    }

    private Map<String, Object> grants(String product) {
        CatalogState.Entry entry = catalog.product(product).orElseThrow(() -> CatalogError.unknownProduct(product, List.of()));
        return Map.of("product", product, "owners", clearance.owners(product), "consumers", entry.product().spec().consumers(),
                "grants", access.grants(product).stream().map(AccessViews::grant).toList());
    }

    private Map<String, Object> clearanceOf(Call call) {
        String product = call.param("name");
        catalog.product(product).orElseThrow(() -> CatalogError.unknownProduct(product, List.of()));
        Optional<String> caller = CallerPrincipal.of(call);
        return Map.of("product", product, "principal", caller.orElse(""),
                "reads", caller.flatMap(p -> clearance.readsBecause(p, product)).orElse("no"),
                "pii", clearance.piiCleared(caller, product));
    }

    /** The caller's principal; a change names one, so a call without it is refused. */
    String caller(Call call) {
        return CallerPrincipal.of(call).orElseThrow(() -> CatalogError.badRequest(
                "No principal: sign in, or in open mode name one as \"principal\" in the body (e.g. User:team-orders)"));
    }

    JsonNode body(Call call, String shape) {
        try {
            JsonNode body = MeshJson.tree(call.body());
            if (body == null || !body.isObject()) {
                throw CatalogError.badRequest("Body must be a JSON object " + shape);
            }
            return body;
        } catch (IOException e) {
            throw CatalogError.badRequest("Body is not JSON: " + e.getMessage() + "; expected " + shape);
        }
    }

    Reply decide(AccessRequest event) {
        try (InFlightLimit.Permit permit = calls.acquire(); ContractClient gate = new ContractClient(clientConfig)) {
            return answer(gate.apply(event, DECISION_TIMEOUT));
        } catch (TimeoutException e) {
            throw new CatalogError(504, e.getMessage(), Map.of());
        }
    }

    Reply decide(DomainRequest event) {
        try (InFlightLimit.Permit permit = calls.acquire(); ContractClient gate = new ContractClient(clientConfig)) {
            return answer(gate.apply(event, DECISION_TIMEOUT));
        } catch (TimeoutException e) {
            throw new CatalogError(504, e.getMessage(), Map.of());
        }
    }

    private static Reply answer(Decision decision) {
        return CatalogAnswers.json(decision.accepted() ? 200 : 422, decision);
    }
}
