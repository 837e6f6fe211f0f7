package io.meshbone.platform.policy;

import java.util.Objects;

/**
 * A policy a contract fails.
 *
 * @param policy the policy
 * @param detail why: the policy's message, or why its rule could not be evaluated on this contract
 */
public record PolicyViolation(Policy policy, String detail) {

    public PolicyViolation {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(detail, "detail");
    }

    /** Whether it rejects the contract (rather than warning). */
    public boolean denies() {
        return policy.effect() == PolicyEffect.DENY;
    }

    /** {@code policy <name> v<version>: <detail>}, as decisions carry it. */
    public String reason() {
        return "policy " + policy.label() + ": " + detail;
    }
}
