package io.meshbone.platform.policy;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.meshbone.platform.contract.ContractException;
import io.meshbone.platform.contract.Problem;

/**
 * The outcome of reading one policy document: the policy when it is valid, and every problem found.
 *
 * @param file     the document, as shown in problems
 * @param policy   the policy (version 0), present exactly when {@code problems} is empty
 * @param problems everything wrong with the document, in document order
 */
public record ParsedPolicy(String file, Optional<Policy> policy, List<Problem> problems) {

    public ParsedPolicy {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(policy, "policy");
        problems = List.copyOf(problems);
        if (policy.isPresent() != problems.isEmpty()) {
            throw new IllegalArgumentException("a policy document has a policy exactly when it has no problems");
        }
    }

    /** The policy, or a {@link ContractException} with every problem. */
    public Policy orThrow() {
        return policy.orElseThrow(() -> new ContractException(problems));
    }
}
