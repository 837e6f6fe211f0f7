package io.meshbone.cli.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.meshbone.platform.contract.DataProduct;

/**
 * Who keeps reading a product's listed major when a new major starts a new topic generation: the products whose
 * contract names it as an input, the live consumer groups the catalog shows, and the consumers its contract declares.
 */
public final class LeftBehind {

    private LeftBehind() {
    }

    /**
     * Who {@code product} would leave behind on {@code listed}'s topic; empty when it is no new major over a listed one.
     */
    public static Optional<List<String>> of(DataProduct product, Optional<DataProduct> listed, Baseline baseline) {
        if (listed.isEmpty() || listed.get().spec().version().major() == product.spec().version().major()) {
            return Optional.empty();
        }
        List<String> behind = new ArrayList<>();
        baseline.downstream(product.name()).forEach(name -> behind.add("product " + name));
        baseline.consumers().getOrDefault(product.name(), List.of()).forEach(group -> behind.add("consumer group " + group));
        listed.get().spec().consumers().forEach(consumer -> behind.add("declared consumer " + consumer));
        return Optional.of(behind);
    }

    /** {@code new major 2: x.v1 (listed 1.0.0) stays for its readers; left behind on it: …}, as check and plan print it. */
    public static Optional<String> line(DataProduct product, Optional<DataProduct> listed, Baseline baseline) {
        return of(product, listed, baseline).map(behind -> String.format(
                "new major %d: %s (listed %s) stays for its readers; left behind on it: %s",
                product.spec().version().major(), listed.get().names().topic(), listed.get().spec().version(),
                behind.isEmpty() ? "nobody known" : String.join(", ", behind)));
    }
}
