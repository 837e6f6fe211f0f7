package io.meshbone.domains.raw;

import java.time.Instant;

/**
 * A change to a customer's profile, as JSON on {@code customers.raw-profile-changes}, keyed by customer id.
 *
 * <p>An {@code UPSERT} carries only the fields that changed (null = unchanged); the first one of a customer
 * must carry name, e-mail and country. A {@code DELETE} removes the customer (right to be forgotten).
 *
 * @param customerId the customer
 * @param type       {@code UPSERT} or {@code DELETE}
 * @param fullName   new name, or null
 * @param email      new e-mail address, or null
 * @param phone      new phone number, or null
 * @param country    new ISO 3166-1 alpha-2 country, or null
 * @param at         when the change was made
 */
public record RawProfileChange(String customerId, String type, String fullName, String email, String phone,
                               String country, Instant at) implements RawEvent {

    /** Whether this change deletes the customer. */
    public boolean deletes() {
        return "DELETE".equalsIgnoreCase(type);
    }
}
