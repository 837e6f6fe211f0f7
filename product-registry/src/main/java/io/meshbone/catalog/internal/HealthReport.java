package io.meshbone.catalog.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.meshbone.http.Reply;
import io.meshbone.platform.health.HealthRegistry;
import io.meshbone.platform.health.PartHealth;

/**
 * The body and status of {@code GET /api/health}: 200 while no part has failed, 503 when one has, so a load
 * balancer or a Kubernetes probe sees a broken mesh without parsing the body.
 *
 * <pre>{@code
 * {"status": "UP", "caughtUp": true, "products": 7,
 *  "parts": [{"part": "provisioner", "state": "RUNNING", "reason": null, "lag": null, "since": "2025-..."}]}
 * }</pre>
 */
final class HealthReport {

    private HealthReport() {
    }

    static Reply reply(CatalogState state, HealthRegistry registry) {
        List<PartHealth> parts = registry.parts();
        boolean failed = parts.stream().anyMatch(PartHealth::failed);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", failed ? "DOWN" : "UP");
        body.put("caughtUp", state.caughtUp());
        body.put("products", state.products().size());
        body.put("parts", parts.stream().map(HealthReport::part).toList());
        return CatalogAnswers.json(failed ? 503 : 200, body);
    }

    private static Map<String, Object> part(PartHealth part) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("part", part.part());
        json.put("state", part.state().name());
        json.put("reason", part.reason());
        json.put("lag", part.lag());
        json.put("since", part.since().toString());
        return json;
    }
}
