package io.meshbone.platform.control;

import java.time.Instant;
import java.util.UUID;

/**
 * A request to add or change a governance policy, as written to {@code _mesh.policy-requests}.
 *
 * @param requestId    unique id that the {@link Decision} echoes
 * @param principal    who asks: {@code User:governance} for mesh-wide policies, a domain's owner for its own
 * @param documentPath the document's path as the requester named it, for error messages
 * @param document     the {@code *.policy.yaml} text
 * @param requestedAt  when the request was made
 */
public record PolicyRequest(String requestId, String principal, String documentPath, String document, Instant requestedAt) {

    /** A new request with a fresh id. */
    public static PolicyRequest apply(String principal, String documentPath, String document) {
        return new PolicyRequest(UUID.randomUUID().toString(), principal, documentPath, document, Instant.now());
    }
}
