package io.meshbone.platform.control;

import java.time.Instant;
import java.util.UUID;

/**
 * One event on {@code _mesh.domain-requests} (keyed by domain): the admin creates a domain, the new owner (or the
 * admin) asks for a domain's ownership, and the current owner approves or denies. The contract gate decides each and
 * answers on {@code _mesh.decisions}; an accepted creation or approved transfer is written to {@code _mesh.domains}.
 *
 * @param id        unique id that the {@link Decision} echoes as its {@code requestId}; on a {@link Type#TRANSFER} also
 *                  the id approvals and denials name
 * @param type      what the event asks
 * @param domain    the domain, e.g. {@code orders}; null on an approval or denial, which name the transfer instead
 * @param owner     on a creation the first owner, on a transfer the owner asked for, e.g. {@code User:team-orders}
 * @param principal who asks
 * @param reason    why, as the asker put it
 * @param requestId on an approval or denial, the transfer it settles
 * @param at        when the event was made
 */
public record DomainRequest(String id, Type type, String domain, String owner, String principal, String reason,
                            String requestId, Instant at) {

    /** What a domain event asks for. */
    public enum Type { CREATE, TRANSFER, APPROVE, DENY }

    /** {@code principal} creates {@code domain} owned by {@code owner}. */
    public static DomainRequest create(String domain, String owner, String principal) {
        return new DomainRequest(UUID.randomUUID().toString(), Type.CREATE, domain, owner, principal, null, null, Instant.now());
    }

    /** {@code principal} asks that {@code domain} move to {@code owner}. */
    public static DomainRequest transfer(String domain, String owner, String principal, String reason) {
        return new DomainRequest(UUID.randomUUID().toString(), Type.TRANSFER, domain, owner, principal, reason, null,
                Instant.now());
    }

    /** {@code principal} approves ({@link Type#APPROVE}) or denies ({@link Type#DENY}) the transfer {@code requestId}. */
    public static DomainRequest settle(Type type, String requestId, String principal, String reason) {
        return new DomainRequest(UUID.randomUUID().toString(), type, null, null, principal, reason, requestId, Instant.now());
    }
}
