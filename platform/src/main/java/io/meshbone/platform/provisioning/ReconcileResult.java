package io.meshbone.platform.provisioning;

import java.util.List;

/**
 * What one reconciliation pass changed, and the drift it left for an operator.
 *
 * @param created         topics created
 * @param grownPartitions topics whose partition count was raised
 * @param alteredConfigs  topics whose configs were set to the plan
 * @param drift           differences that need a human
 */
public record ReconcileResult(List<String> created, List<String> grownPartitions, List<String> alteredConfigs,
                              List<Drift> drift) {

    public ReconcileResult {
        created = List.copyOf(created);
        grownPartitions = List.copyOf(grownPartitions);
        alteredConfigs = List.copyOf(alteredConfigs);
        drift = List.copyOf(drift);
    }

    /** True when the pass found every topic already as planned. */
    public boolean unchanged() {
        return created.isEmpty() && grownPartitions.isEmpty() && alteredConfigs.isEmpty();
    }
}
