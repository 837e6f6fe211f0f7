package io.meshbone.governance.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.meshbone.platform.contract.DataProduct;
import io.meshbone.platform.mesh.MeshCluster;
import io.meshbone.platform.mesh.MeshTopology;
import io.meshbone.platform.control.ListedProduct;

/**
 * Where a product's data may live: {@code spec.residency} against the mesh's clusters.
 *
 * <p>A resident product must be published on a cluster in one of its regions, and data derived from it
 * must not leave them: a product reading a resident input runs on a cluster in the input's regions and
 * is itself resident within them, so neither its processing nor its copies move the input's records
 * out. Without a cluster topology (the co-located mesh) there is nowhere else for data to go and
 * nothing is checked here; the descriptor parser has already checked that residency is well-formed.
 */
public final class ResidencyRules {

    private final Optional<MeshTopology> topology;

    public ResidencyRules(Optional<MeshTopology> topology) {
        this.topology = topology;
    }

    /** Every residency reason to refuse {@code product}, as {@code <file>: <field>: <why and what was expected>}. */
    public List<String> check(String file, DataProduct product, Map<String, ListedProduct> listed) {
        if (topology.isEmpty()) {
            return List.of();
        }
        List<String> reasons = new ArrayList<>();
        String domain = product.metadata().domain();
        MeshCluster home = topology.get().clusterOf(domain);
        List<String> residency = product.spec().residency();
        if (!home.inAnyOf(residency)) {
            reasons.add(file + ": spec.residency: " + product.name() + " must stay in " + residency + ", but domain '"
                    + domain + "' is hosted on cluster '" + home.name() + "' in region " + home.region()
                    + "; expected its domain on a cluster in " + residency + " (clusters config) or a residency including "
                    + home.region());
        }
        List<String> inputs = product.spec().inputs();
        for (int i = 0; i < inputs.size(); i++) {
            String input = inputs.get(i);
            List<String> inputResidency = residencyOf(listed.get(input));
            if (inputResidency.isEmpty()) {
                continue;
            }
            if (!home.inAnyOf(inputResidency)) {
                reasons.add(file + ": spec.inputs[" + i + "]: '" + input + "' is resident in " + inputResidency + ", but "
                        + product.name() + " runs on cluster '" + home.name() + "' in region " + home.region()
                        + "; reading it there would move its records out of " + inputResidency
                        + " (expected domain '" + domain + "' on a cluster in " + inputResidency + ")");
            }
            if (residency.isEmpty() || !inputResidency.containsAll(residency)) {
                reasons.add(file + ": spec.residency: input '" + input + "' is resident in " + inputResidency + ", so "
                        + product.name() + " (on cluster '" + home.name() + "') must stay there too; expected residency "
                        + inputResidency + " or fewer of those regions, got "
                        + (residency.isEmpty() ? "none" : residency.toString()));
            }
        }
        return reasons;
    }

    // An input's residency is read from its listed contract; unknown inputs are reported by the parser already.
    private static List<String> residencyOf(ListedProduct listing) {
        if (listing == null || listing.retired()) {
            return List.of();
        }
        return listing.contract().product().map(p -> p.spec().residency()).orElse(List.of());
    }
}
