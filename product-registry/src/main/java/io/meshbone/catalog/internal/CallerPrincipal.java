package io.meshbone.catalog.internal;

import java.io.IOException;
import java.util.Map;
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
     * <p>Signed in (secure mode, where every call is), it is the signed-in principal, always: a call that names another
     * is refused with 403, as {@link Requester} does. Open mode has no authentication, so the call names itself: a
     * {@code principal} field in a JSON body, else a {@code principal} query parameter.
     */
    static Optional<String> of(Call call) {
        Optional<String> named = named(call);
        Optional<String> signedIn = call.principal();
        if (signedIn.isEmpty()) {
            return named;
        }
        if (named.isPresent() && !named.get().equals(signedIn.get())) {
            throw new CatalogError(403, "Signed in as " + signedIn.get() + ", this request cannot be made for "
                    + named.get() + "; leave out \"principal\" or sign in as that principal", Map.of());
        }
        return signedIn;
    }

    private static Optional<String> named(Call call) {
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
