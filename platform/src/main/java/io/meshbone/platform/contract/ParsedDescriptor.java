package io.meshbone.platform.contract;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of reading one descriptor: the product when it is valid, and every problem found.
 *
 * @param file     the descriptor, as shown in problems
 * @param product  the product, present exactly when {@code problems} is empty
 * @param problems everything wrong with the descriptor, in document order
 */
public record ParsedDescriptor(String file, Optional<DataProduct> product, List<Problem> problems) {

    public ParsedDescriptor {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(product, "product");
        problems = List.copyOf(problems);
        if (product.isPresent() != problems.isEmpty()) {
            throw new IllegalArgumentException("a descriptor has a product exactly when it has no problems");
        }
    }

    /** Whether the descriptor is a valid contract. */
    public boolean valid() {
        return problems.isEmpty();
    }

    /** The product, or a {@link ContractException} with every problem. */
    public DataProduct orThrow() {
        return product.orElseThrow(() -> new ContractException(problems));
    }
}
