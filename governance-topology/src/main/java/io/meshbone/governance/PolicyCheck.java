package io.meshbone.governance;

import java.util.List;
import java.util.Optional;

import io.meshbone.platform.contract.DataProduct;
import io.meshbone.platform.policy.ClusterFacts;
import io.meshbone.platform.policy.Policies;
import io.meshbone.platform.policy.Policy;
import io.meshbone.platform.policy.PolicyViolation;

/**
 * The policies in force as the contract gate applies them: failing {@code deny} policies are reasons to reject, failing
 * {@code warn} policies warnings on an accepted contract. The gate and {@code meshbone product check} share it.
 */
public final class PolicyCheck {

    private PolicyCheck() {
    }

    /** A check whose reasons are the failing {@code deny} policies, each {@code <file>: policy <name> v<version>: <message>}. */
    public static ContractCheck denials(List<Policy> policies, ClusterFacts cluster) {
        List<Policy> copy = List.copyOf(policies);
        return (request, product, previous) -> Policies.evaluate(copy, product, previous, cluster).stream()
                .filter(PolicyViolation::denies).map(v -> request.descriptorPath() + ": " + v.reason()).toList();
    }

    /** Every failing policy of an accepted contract, {@code policy <name> v<version>: <message>}, as decisions warn. */
    public static List<String> warnings(List<Policy> policies, DataProduct product, Optional<DataProduct> previous,
                                        ClusterFacts cluster) {
        return Policies.evaluate(policies, product, previous, cluster).stream().map(PolicyViolation::reason).toList();
    }
}
