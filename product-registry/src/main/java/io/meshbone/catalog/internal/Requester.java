package io.meshbone.catalog.internal;

import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import io.meshbone.http.Call;

/**
 * Who a control-plane request from the catalog is made for. Signed in (secure mode), it is the caller, always: a body
 * that names someone else is refused with 403 rather than quietly rewritten, so a script learns that it cannot act
 * for another principal. In open mode the body's {@code principal} is taken as before.
 */
final class Requester {

    private Requester() {
    }

    static String of(Call call, JsonNode body, String openModeDefault) {
        JsonNode named = body.path("principal");
        Optional<String> signedIn = call.principal();
        if (signedIn.isEmpty()) {
            return named.asText(openModeDefault);
        }
        if (named.isTextual() && !named.asText().equals(signedIn.get())) {
            throw new CatalogError(403, "Signed in as " + signedIn.get() + ", this request cannot be made for "
                    + named.asText() + "; leave out \"principal\" or sign in as that principal", Map.of());
        }
        return signedIn.get();
    }
}
