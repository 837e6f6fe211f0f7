package io.meshbone.catalog.internal;

import java.io.IOException;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import io.meshbone.http.Call;
import io.meshbone.platform.control.MeshJson;

/** Who is calling the catalog. */
final class CallerPrincipal {

    private CallerPrincipal() {
    }

    /**
     * The caller's principal, e.g. {@code User:team-orders}; empty when the call names none.
     *
     * <p>Open mode has no authentication, so the call names itself: a {@code principal} field in a JSON body, else a
     * {@code principal} query parameter. This is the one place that changes when HTTP authentication names the caller.
     */
    static Optional<String> of(Call call) {
        String named = call.query("principal");
        if ("POST".equals(call.method())) {
            try {
                JsonNode body = call.body().length == 0 ? null : MeshJson.tree(call.body());
                if (body != null && body.path("principal").isTextual()) {
                    named = body.path("principal").asText();
                }
            } catch (IOException e) {
                // An unreadable body names no principal; the endpoint reports the body itself.
            }
        }
        return Optional.ofNullable(named).map(String::trim).filter(p -> !p.isEmpty());
    }
}
