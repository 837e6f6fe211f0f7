package io.meshbone.cli.check;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.meshbone.governance.CompatibilityCheck;
import io.meshbone.platform.control.ListedProduct;

/**
 * What a check compares descriptors against: the products listed there, the history of their schemas, and who reads them.
 *
 * @param shownAs   how the baseline is named in output, e.g. {@code origin/main}
 * @param listed    the listed products, by name
 * @param schemas   the compatibility of a schema with a subject's listed versions
 * @param consumers product name → the live consumer groups reading its topic, as {@code group (lag n)}; empty offline
 */
public record Baseline(String shownAs, Map<String, ListedProduct> listed, CompatibilityCheck schemas,
                       Map<String, List<String>> consumers) {

    public Baseline {
        listed = Map.copyOf(listed);
        consumers = Map.copyOf(consumers);
    }

    /** Listed products whose contract names {@code product} as an input. */
    public Set<String> downstream(String product) {
        Set<String> names = new TreeSet<>();
        listed.values().forEach(listing -> listing.contract().product()
                .filter(p -> p.spec().inputs().contains(product))
                .ifPresent(p -> names.add(p.name())));
        return names;
    }
}
