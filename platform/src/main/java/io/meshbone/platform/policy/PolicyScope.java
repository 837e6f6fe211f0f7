package io.meshbone.platform.policy;

import java.util.List;
import java.util.Locale;

import io.meshbone.platform.contract.DataProduct;

/**
 * Which products a policy applies to: each list narrows it, an empty list does not.
 *
 * @param domains         the products' domains; empty = every domain
 * @param tags            the product has at least one of these {@code metadata.tags}; empty = any tags
 * @param classifications the product is classified as one of these ({@code public}, …); empty = any
 */
public record PolicyScope(List<String> domains, List<String> tags, List<String> classifications) {

    /** Every product of the mesh. */
    public static final PolicyScope ALL = new PolicyScope(List.of(), List.of(), List.of());

    public PolicyScope {
        domains = domains == null ? List.of() : List.copyOf(domains);
        tags = tags == null ? List.of() : List.copyOf(tags);
        classifications = classifications == null ? List.of() : List.copyOf(classifications);
    }

    /** Whether {@code product} is in this scope. */
    public boolean covers(DataProduct product) {
        return (domains.isEmpty() || domains.contains(product.metadata().domain()))
                && (tags.isEmpty() || product.metadata().tags().stream().anyMatch(tags::contains))
                && (classifications.isEmpty() || classifications.contains(
                        product.spec().classification().name().toLowerCase(Locale.ROOT)));
    }
}
