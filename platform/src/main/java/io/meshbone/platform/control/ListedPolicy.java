package io.meshbone.platform.control;

import java.time.Instant;
import java.util.Objects;

import io.meshbone.platform.policy.Policy;

/**
 * A policy in force, as kept in {@code _mesh.policies} (compacted, key = policy name).
 *
 * @param policy       the policy, with the version the gate gave it
 * @param documentPath the document's path as applied
 * @param document     the accepted {@code *.policy.yaml} text, verbatim
 * @param requestId    the request that made this version
 * @param principal    who made this version
 * @param changedAt    when it was accepted
 */
public record ListedPolicy(Policy policy, String documentPath, String document, String requestId, String principal,
                           Instant changedAt) {

    public ListedPolicy {
        Objects.requireNonNull(policy, "policy");
    }
}
