package io.meshbone.platform.control;

import java.time.Instant;
import java.util.UUID;

/**
 * One event on {@code _mesh.access-requests} (keyed by product name): a principal asks to read a product, or the
 * product's owner approves, denies or revokes. The contract gate decides each and answers on {@code _mesh.decisions}.
 *
 * @param id        unique id that the {@link Decision} echoes as its {@code requestId}; on a {@link Type#REQUEST} also the
 *                  id approvals and denials name
 * @param type      what the event asks
 * @param product   the product, e.g. {@code orders.order-placed}
 * @param principal who asks (the requester, or the owner approving, denying or revoking)
 * @param reason    why: the requester's purpose, or the owner's reason for a denial or revocation
 * @param pii       on a request, whether it asks to see the product's PII-tagged fields too
 * @param requestId on an approval or denial, the request it settles
 * @param grantee   on a revocation, the principal whose grant ends
 * @param at        when the event was made
 */
public record AccessRequest(String id, Type type, String product, String principal, String reason, boolean pii,
                            String requestId, String grantee, Instant at) {

    /** What an access event asks for. */
    public enum Type { REQUEST, APPROVE, DENY, REVOKE }

    /** {@code principal} asks to read {@code product}. */
    public static AccessRequest request(String product, String principal, String reason, boolean pii) {
        return new AccessRequest(UUID.randomUUID().toString(), Type.REQUEST, product, principal, reason, pii, null, null,
                Instant.now());
    }

    /** {@code principal} approves ({@link Type#APPROVE}) or denies ({@link Type#DENY}) the request {@code requestId}. */
    public static AccessRequest settle(Type type, String requestId, String principal, String reason) {
        return new AccessRequest(UUID.randomUUID().toString(), type, null, principal, reason, false, requestId, null,
                Instant.now());
    }

    /** {@code principal} ends {@code grantee}'s access to {@code product}. */
    public static AccessRequest revoke(String product, String grantee, String principal, String reason) {
        return new AccessRequest(UUID.randomUUID().toString(), Type.REVOKE, product, principal, reason, false, null, grantee,
                Instant.now());
    }
}
