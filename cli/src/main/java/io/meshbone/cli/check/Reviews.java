package io.meshbone.cli.check;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.meshbone.governance.ContractCheck;
import io.meshbone.governance.ContractReview;
import io.meshbone.governance.PolicyCheck;
import io.meshbone.platform.contract.ContractException;
import io.meshbone.platform.contract.DataProduct;
import io.meshbone.platform.contract.ProductDescriptors;
import io.meshbone.platform.contract.SchemaFiles;
import io.meshbone.platform.control.ContractClient;
import io.meshbone.platform.control.ProductRequest;
import io.meshbone.platform.policy.ClusterFacts;
import io.meshbone.platform.policy.Policy;

/** Reviews descriptors as the contract gate would, with its own code and the policies in force; changes nothing. */
public final class Reviews {

    private Reviews() {
    }

    /**
     * The gate's review of each descriptor against {@code baseline}.
     *
     * @param descriptors file → how it is shown
     * @param checks      more checks beyond the gate's own and the policies
     */
    public static List<Reviewed> of(Map<Path, String> descriptors, Baseline baseline, List<Policy> policies,
                                    ClusterFacts cluster, String principal, List<ContractCheck> checks) {
        List<Reviewed> reviewed = new ArrayList<>();
        List<ProductRequest> requests = new ArrayList<>();
        for (Map.Entry<Path, String> descriptor : descriptors.entrySet()) {
            try {
                requests.add(ContractClient.request(descriptor.getKey(), descriptor.getValue(), principal));
            } catch (ContractException e) {
                reviewed.add(new Reviewed(descriptor.getValue(), Optional.empty(), Optional.empty(),
                        e.problems().stream().map(Object::toString).toList(), List.of()));
            }
        }
        // Inputs may name a listed product or one checked beside it, which the same pull request adds.
        Set<String> known = new HashSet<>(baseline.listed().keySet());
        requests.forEach(r -> ProductDescriptors.parse(r.descriptorPath(), r.descriptor(), SchemaFiles.of(r.files())).product()
                .ifPresent(p -> known.add(p.name())));
        List<ContractCheck> all = new ArrayList<>(checks);
        all.add(PolicyCheck.denials(policies, cluster));
        for (ProductRequest request : requests) {
            ContractReview.Result review = ContractReview.review(request, baseline.listed(), known, baseline.schemas(), all);
            reviewed.add(new Reviewed(request.descriptorPath(), Optional.of(request), Optional.of(review), List.of(),
                    warnings(review, policies, cluster)));
        }
        return reviewed;
    }

    // As the gate warns: an unchanged contract hears of every policy it fails now, a changed one of its warn policies.
    private static List<String> warnings(ContractReview.Result review, List<Policy> policies, ClusterFacts cluster) {
        if (!review.acceptable()) {
            return List.of();
        }
        DataProduct product = review.product().orElseThrow();
        return PolicyCheck.warnings(policies, product, review.unchanged() ? Optional.empty() : review.previous(), cluster);
    }
}
