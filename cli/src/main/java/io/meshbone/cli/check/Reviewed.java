package io.meshbone.cli.check;

import java.util.List;
import java.util.Optional;

import io.meshbone.governance.ContractReview;
import io.meshbone.platform.control.ProductRequest;

/**
 * What the contract gate would say about one descriptor.
 *
 * @param file     the descriptor, as shown
 * @param request  the request it would send; empty when it cannot be sent (say a schema file links out of its folder)
 * @param review   the gate's review; empty when not sent
 * @param notSent  why it cannot be sent; empty when sent
 * @param warnings the failing policies the gate would warn about on an accepted contract, {@code policy <name> v<n>: …}
 */
public record Reviewed(String file, Optional<ProductRequest> request, Optional<ContractReview.Result> review,
                       List<String> notSent, List<String> warnings) {

    public Reviewed {
        notSent = List.copyOf(notSent);
        warnings = List.copyOf(warnings);
    }

    /** Whether the gate would accept it. */
    public boolean acceptable() {
        return review.map(ContractReview.Result::acceptable).orElse(false);
    }
}
