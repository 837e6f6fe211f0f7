package io.meshbone.governance.internal;

import java.time.Instant;

import io.meshbone.platform.control.AccessRequest;

/**
 * An access request as the contract gate keeps it, by id: the request and where it stands.
 *
 * @param request   the {@link AccessRequest.Type#REQUEST} event
 * @param status    {@code PENDING} until the owner approves or denies it, {@code REVOKED} once its grant ended
 * @param settledBy who approved, denied or revoked it; null while pending
 * @param settledAt when; null while pending
 */
public record AccessTicket(AccessRequest request, Status status, String settledBy, Instant settledAt) {

    /** Where an access request stands. */
    public enum Status { PENDING, APPROVED, DENIED, REVOKED }

    AccessTicket settled(Status to, String by) {
        return new AccessTicket(request, to, by, Instant.now());
    }
}
