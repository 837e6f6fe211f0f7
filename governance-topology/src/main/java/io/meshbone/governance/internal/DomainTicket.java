package io.meshbone.governance.internal;

import java.time.Instant;

import io.meshbone.platform.control.DomainRequest;

/**
 * A domain transfer as the contract gate keeps it, by id: the request and where it stands.
 *
 * @param request   the {@link DomainRequest.Type#TRANSFER} event
 * @param status    {@code PENDING} until the current owner approves or denies it
 * @param settledBy who approved or denied it; null while pending
 * @param settledAt when; null while pending
 */
public record DomainTicket(DomainRequest request, Status status, String settledBy, Instant settledAt) {

    /** Where a transfer stands. */
    public enum Status { PENDING, APPROVED, DENIED }

    DomainTicket settled(Status to, String by) {
        return new DomainTicket(request, to, by, Instant.now());
    }
}
